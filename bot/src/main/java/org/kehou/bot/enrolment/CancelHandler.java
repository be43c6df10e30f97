package org.kehou.bot.enrolment;

import java.util.Map;
import java.util.Optional;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;
import org.kehou.bot.binding.BoundParentHandler;
import org.kehou.bot.wechat.Replies;
import org.kehou.core.binding.WechatBinding;
import org.kehou.core.binding.WechatBindingService;
import org.springframework.stereotype.Component;

/** {@code 取消}: drops the draft; nothing was submitted. */
@Component
public class CancelHandler extends BoundParentHandler {

  private final Drafts drafts;

  CancelHandler(WechatBindingService bindings, Replies replies, Drafts drafts) {
    super(bindings, replies);
    this.drafts = drafts;
  }

  @Override
  protected WxMpXmlOutMessage handle(WxMpXmlMessage message, WechatBinding binding) {
    Optional<WechatBinding.Child> child = drafts.find(message.getFromUser()).flatMap(d -> DraftChild.of(binding, d));
    if (!drafts.drop(message.getFromUser()) || child.isEmpty()) {
      return replies.text(message, "apply.nodraft");
    }
    return replies.text(message, "apply.cancelled", Map.of("child", replies.child(child.get())));
  }
}
