package org.kehou.bot.binding;

import java.util.Map;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;
import org.kehou.bot.wechat.Replies;
import org.kehou.core.binding.WechatBinding;
import org.kehou.core.binding.WechatBindingService;
import org.springframework.stereotype.Component;

/** {@code 解绑}: says what unbinding this account means and waits for {@code 确认解绑}. */
@Component
public class UnbindHandler extends BoundParentHandler {

  private final PendingUnbinds pending;

  UnbindHandler(WechatBindingService bindings, Replies replies, PendingUnbinds pending) {
    super(bindings, replies);
    this.pending = pending;
  }

  @Override
  protected WxMpXmlOutMessage handle(WxMpXmlMessage message, WechatBinding binding) {
    pending.ask(message.getFromUser(), binding.guardianId());
    String children = String.join(replies.message("binding.children.separator", Map.of()),
        binding.children().stream().map(replies::child).toList());
    return replies.text(message, "unbind.confirm", Map.of("guardian", binding.guardianName(), "children", children));
  }
}
