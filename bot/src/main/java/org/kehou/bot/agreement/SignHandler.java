package org.kehou.bot.agreement;

import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;
import org.kehou.bot.binding.BoundParentHandler;
import org.kehou.bot.wechat.Replies;
import org.kehou.core.binding.WechatBinding;
import org.kehou.core.binding.WechatBindingService;
import org.kehou.core.lifecycle.AgreementService;
import org.springframework.stereotype.Component;

/** Free text while an agreement waits: the guardian's registered name signs it, anything else gets a hint. */
@Component
public class SignHandler extends BoundParentHandler {

  private final AgreementService agreements;

  SignHandler(WechatBindingService bindings, Replies replies, AgreementService agreements) {
    super(bindings, replies);
    this.agreements = agreements;
  }

  @Override
  protected WxMpXmlOutMessage handle(WxMpXmlMessage message, WechatBinding binding) {
    AgreementService.SignOutcome outcome = agreements.sign(binding.guardianId(), message.getFromUser(),
        binding.current().studentId(), replies.child(binding.current()), message.getContent());
    return replies.rendered(message, outcome.reply());
  }
}
