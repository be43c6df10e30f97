package org.kehou.bot.agreement;

import java.util.Map;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;
import org.kehou.bot.binding.ChildStep;
import org.kehou.bot.wechat.Replies;
import org.kehou.core.agreement.AgreementService;
import org.kehou.core.binding.WechatBinding;
import org.springframework.stereotype.Component;

/**
 * Shows a child's agreement waiting for a signature, exactly as archived, under a line saying by when (and, for seats
 * added to an active enrolment, which seats wait), and remembers whose it was.
 */
@Component
class ShowAgreement implements ChildStep {

  private final AgreementService agreements;
  private final ShownAgreements shown;
  private final Replies replies;

  ShowAgreement(AgreementService agreements, ShownAgreements shown, Replies replies) {
    this.agreements = agreements;
    this.shown = shown;
    this.replies = replies;
  }

  @Override
  public String id() {
    return "agreement";
  }

  @Override
  public boolean pendingFor(long studentId) {
    return agreements.pendingText(studentId).isPresent();
  }

  @Override
  public WxMpXmlOutMessage take(WxMpXmlMessage message, WechatBinding binding, WechatBinding.Child child) {
    return agreements.pendingReply(child.studentId())
        .map(text -> {
          shown.ask(message.getFromUser(), child.studentId());
          return replies.rendered(message, text);
        })
        .orElseGet(() -> replies.text(message, "agreement.nothingToSign", Map.of("child", replies.child(child))));
  }
}
