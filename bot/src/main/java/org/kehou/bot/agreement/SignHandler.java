package org.kehou.bot.agreement;

import java.util.Map;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;
import org.kehou.bot.binding.BoundParentHandler;
import org.kehou.bot.binding.WhichChild;
import org.kehou.bot.wechat.Replies;
import org.kehou.core.agreement.AgreementService;
import org.kehou.core.binding.WechatBinding;
import org.kehou.core.binding.WechatBindingService;
import org.springframework.stereotype.Component;

/**
 * Free text while an agreement waits: the guardian's registered name signs it, anything else gets a hint. The name
 * signs the agreement {@code 协议} just showed, else the one child's that waits; with two waiting the parent is asked
 * which.
 */
@Component
public class SignHandler extends BoundParentHandler {

  private final AgreementService agreements;
  private final ShownAgreements shown;
  private final WhichChild whichChild;
  private final SignAgreement sign;

  SignHandler(WechatBindingService bindings, Replies replies, AgreementService agreements, ShownAgreements shown,
      WhichChild whichChild, SignAgreement sign) {
    super(bindings, replies);
    this.agreements = agreements;
    this.shown = shown;
    this.whichChild = whichChild;
    this.sign = sign;
  }

  @Override
  protected WxMpXmlOutMessage handle(WxMpXmlMessage message, WechatBinding binding) {
    if (!agreements.isRegisteredName(binding.guardianId(), message.getContent())) {
      return replies.text(message, "agreement.wrongName");
    }
    return shown.take(message.getFromUser())
        .flatMap(studentId -> binding.children().stream().filter(c -> c.studentId() == studentId).findFirst())
        .filter(child -> sign.pendingFor(child.studentId()))
        .map(child -> sign.take(message, binding, child))
        .or(() -> whichChild.take(message, binding, sign))
        .orElseGet(() -> replies.text(message, "agreement.nothingToSign",
            Map.of("child", replies.child(binding.current()))));
  }
}
