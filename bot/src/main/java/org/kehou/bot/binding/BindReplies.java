package org.kehou.bot.binding;

import java.util.Map;
import org.kehou.bot.wechat.Replies;
import org.kehou.core.binding.WechatBinding;
import org.kehou.core.staff.StaffWechatBound;
import org.springframework.stereotype.Component;

/** What a redeemed code answers, typed ({@code 绑定 <code>}) or scanned from a slip alike. */
@Component
class BindReplies {

  private final Replies replies;

  BindReplies(Replies replies) {
    this.replies = replies;
  }

  String bound(WechatBinding binding) {
    String children = String.join(replies.message("binding.children.separator", Map.of()),
        binding.children().stream().map(replies::child).toList());
    return replies.message(binding.hasSeveralChildren() ? "binding.success.several" : "binding.success",
        Map.of("guardian", binding.guardianName(), "children", children, "child", replies.child(binding.current())));
  }

  String staffBound(StaffWechatBound staff) {
    return replies.message("binding.staff.success", Map.of("staff", staff.displayName()));
  }

  String locked() {
    return replies.message("binding.locked", Map.of());
  }
}
