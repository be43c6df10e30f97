package org.kehou.bot.agreement;

import java.util.Map;
import java.util.stream.Collectors;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;
import org.kehou.bot.binding.ChildStep;
import org.kehou.bot.wechat.Replies;
import org.kehou.core.agreement.AgreementService;
import org.kehou.core.binding.WechatBinding;
import org.springframework.stereotype.Component;

/**
 * Signs a child's waiting agreement for a guardian whose registered name was already checked (SignHandler does that
 * before a child is chosen, so the number answering "which child?" signs as well).
 */
@Component
class SignAgreement implements ChildStep {

  private final AgreementService agreements;
  private final Replies replies;

  SignAgreement(AgreementService agreements, Replies replies) {
    this.agreements = agreements;
    this.replies = replies;
  }

  @Override
  public String id() {
    return "sign";
  }

  @Override
  public boolean pendingFor(long studentId) {
    return agreements.pendingText(studentId).isPresent();
  }

  @Override
  public WxMpXmlOutMessage take(WxMpXmlMessage message, WechatBinding binding, WechatBinding.Child child) {
    AgreementService.SignOutcome outcome = agreements.sign(binding.guardianId(), message.getFromUser(),
        child.studentId(), replies.child(child), binding.guardianName());
    if (outcome.result() != AgreementService.SignOutcome.Result.SIGNED) {
      return replies.rendered(message, outcome.reply());
    }
    // A parent of two should not think the signing is done while the other child's agreement still waits.
    String stillWaiting = binding.children().stream()
        .filter(other -> other.studentId() != child.studentId() && pendingFor(other.studentId()))
        .map(other -> "\n" + replies.message("agreement.alsoWaiting", Map.of("child", replies.child(other))))
        .collect(Collectors.joining());
    return replies.rendered(message, outcome.reply() + stillWaiting);
  }
}
