package org.kehou.bot.agreement;

import me.chanjar.weixin.mp.api.WxMpMessageMatcher;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import org.kehou.core.agreement.AgreementService;
import org.kehou.core.binding.WechatBindingService;
import org.springframework.stereotype.Component;

/**
 * Matches text that is no command while an agreement of one of the writer's children waits for a signature: that text
 * is a signing attempt. Only text no earlier rule took gets here, so commands never pay for the look-up.
 */
@Component
public class AwaitingSignature implements WxMpMessageMatcher {

  private final WechatBindingService bindings;
  private final AgreementService agreements;

  AwaitingSignature(WechatBindingService bindings, AgreementService agreements) {
    this.bindings = bindings;
    this.agreements = agreements;
  }

  @Override
  public boolean match(WxMpXmlMessage message) {
    return bindings.find(message.getFromUser())
        .map(binding -> binding.children().stream()
            .anyMatch(child -> agreements.pendingText(child.studentId()).isPresent()))
        .orElse(false);
  }

  /**
   * The writer's registered name while an agreement waits: a signature, even when an absence case is open too (the
   * router asks this before the absence reply, and the plain match after it, so other text joins the case).
   */
  public WxMpMessageMatcher typingTheRegisteredName() {
    return message -> match(message) && bindings.find(message.getFromUser())
        .map(binding -> agreements.isRegisteredName(binding.guardianId(), message.getContent())).orElse(false);
  }
}
