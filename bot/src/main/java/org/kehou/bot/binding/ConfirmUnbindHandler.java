package org.kehou.bot.binding;

import java.util.Map;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;
import org.kehou.bot.wechat.Replies;
import org.kehou.core.binding.BoundAccounts;
import org.kehou.core.binding.WechatBinding;
import org.kehou.core.binding.WechatBindingService;
import org.springframework.stereotype.Component;

/** {@code 确认解绑}: ends this account's binding, if the parent asked with {@code 解绑} in the last ten minutes. */
@Component
public class ConfirmUnbindHandler extends BoundParentHandler {

  private final BoundAccounts accounts;
  private final PendingUnbinds pending;

  ConfirmUnbindHandler(WechatBindingService bindings, Replies replies, BoundAccounts accounts, PendingUnbinds pending) {
    super(bindings, replies);
    this.accounts = accounts;
    this.pending = pending;
  }

  @Override
  protected WxMpXmlOutMessage handle(WxMpXmlMessage message, WechatBinding binding) {
    // Asked about this guardian: an account rebound to another guardian in between is not unbound by the old question.
    boolean asked = pending.take(message.getFromUser()).filter(id -> id == binding.guardianId()).isPresent();
    if (!asked || !accounts.unbind(message.getFromUser(), binding.guardianId())) {
      return replies.text(message, "unbind.notAsked");
    }
    return replies.text(message, "unbind.done", Map.of("guardian", binding.guardianName()));
  }
}
