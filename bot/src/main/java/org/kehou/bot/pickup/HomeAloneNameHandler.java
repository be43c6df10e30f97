package org.kehou.bot.pickup;

import java.util.Map;
import java.util.Optional;
import me.chanjar.weixin.mp.api.WxMpMessageMatcher;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;
import org.kehou.bot.binding.BoundParentHandler;
import org.kehou.bot.wechat.Replies;
import org.kehou.core.agreement.AgreementService;
import org.kehou.core.binding.WechatBinding;
import org.kehou.core.binding.WechatBindingService;
import org.kehou.core.pickup.HomeAlone;
import org.springframework.stereotype.Component;

/**
 * The free text right after {@code 独自离校} or {@code 取消独自离校}: the guardian's registered name signs or withdraws
 * the permission; anything else leaves it as it was and says so. Either way the question is answered.
 */
@Component
public class HomeAloneNameHandler extends BoundParentHandler implements WxMpMessageMatcher {

  private final HomeAlone homeAlone;
  private final AgreementService agreements;
  private final HomeAloneQuestions.Signing signing;
  private final HomeAloneQuestions.Withdrawing withdrawing;

  HomeAloneNameHandler(WechatBindingService bindings, Replies replies, HomeAlone homeAlone,
      AgreementService agreements, HomeAloneQuestions.Signing signing, HomeAloneQuestions.Withdrawing withdrawing) {
    super(bindings, replies);
    this.homeAlone = homeAlone;
    this.agreements = agreements;
    this.signing = signing;
    this.withdrawing = withdrawing;
  }

  /** Only text no command took reaches this rule, so commands never pay for the look-up. */
  @Override
  public boolean match(WxMpXmlMessage message) {
    return signing.pending(message.getFromUser()) || withdrawing.pending(message.getFromUser());
  }

  @Override
  protected WxMpXmlOutMessage handle(WxMpXmlMessage message, WechatBinding binding) {
    boolean named = agreements.isRegisteredName(binding.guardianId(), message.getContent());
    Optional<Long> toSign = signing.take(message.getFromUser());
    Optional<Long> toWithdraw = withdrawing.take(message.getFromUser());
    Optional<WechatBinding.Child> child = toSign.or(() -> toWithdraw)
        .flatMap(id -> binding.children().stream().filter(c -> c.studentId() == id).findFirst());
    if (child.isEmpty()) {
      return replies.text(message, "homeAlone.none", Map.of("child", replies.child(binding.current())));
    }
    Map<String, Object> values = Map.of("child", replies.child(child.get()));
    HomeAlone.Outcome outcome = toSign.isPresent()
        ? homeAlone.sign(binding.schoolId(), binding.guardianId(), child.get().studentId(), named,
            message.getContent())
        : homeAlone.withdraw(binding.schoolId(), binding.guardianId(), child.get().studentId(), named);
    String key = switch (outcome) {
      case WRONG_NAME -> toSign.isPresent() ? "homeAlone.wrongName" : "homeAlone.wrongNameWithdraw";
      default -> "homeAlone." + outcome.name();
    };
    return replies.text(message, key, values);
  }
}
