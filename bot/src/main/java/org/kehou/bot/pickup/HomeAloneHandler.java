package org.kehou.bot.pickup;

import java.time.LocalDateTime;
import java.util.Map;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;
import org.kehou.bot.binding.BoundParentHandler;
import org.kehou.bot.wechat.Replies;
import org.kehou.core.binding.WechatBinding;
import org.kehou.core.binding.WechatBindingService;
import org.kehou.core.pickup.HomeAlone;
import org.springframework.stereotype.Component;

/**
 * {@code 独自离校}: where the school allows it for the current child's grade, explains the permission and asks the
 * guardian to sign it with their registered name; shows who signed it when it is already in force.
 */
@Component
public class HomeAloneHandler extends BoundParentHandler {

  private final HomeAlone homeAlone;
  private final HomeAloneQuestions.Signing signing;

  HomeAloneHandler(WechatBindingService bindings, Replies replies, HomeAlone homeAlone,
      HomeAloneQuestions.Signing signing) {
    super(bindings, replies);
    this.homeAlone = homeAlone;
    this.signing = signing;
  }

  @Override
  protected WxMpXmlOutMessage handle(WxMpXmlMessage message, WechatBinding binding) {
    String child = replies.child(binding.current());
    long studentId = binding.current().studentId();
    if (!homeAlone.allowedFor(binding.schoolId(), studentId)) {
      return replies.text(message, "homeAlone.notAllowed", Map.of("child", child));
    }
    var signed = homeAlone.inForce(binding.schoolId(), studentId);
    if (signed.isPresent()) {
      LocalDateTime at = signed.get().signedAt();
      return replies.text(message, "homeAlone.inForce", Map.of("child", child, "by", signed.get().signedByName(),
          "month", at.getMonthValue(), "day", at.getDayOfMonth(), "time", replies.time(at.toLocalTime())));
    }
    signing.ask(message.getFromUser(), studentId);
    return replies.text(message, "homeAlone.ask", Map.of("child", child));
  }
}
