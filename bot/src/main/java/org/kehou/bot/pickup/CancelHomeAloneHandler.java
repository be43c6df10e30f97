package org.kehou.bot.pickup;

import java.util.Map;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;
import org.kehou.bot.binding.BoundParentHandler;
import org.kehou.bot.wechat.Replies;
import org.kehou.core.binding.WechatBinding;
import org.kehou.core.binding.WechatBindingService;
import org.kehou.core.pickup.HomeAlone;
import org.springframework.stereotype.Component;

/** {@code 取消独自离校}: asks the guardian to confirm the withdrawal with their registered name. */
@Component
public class CancelHomeAloneHandler extends BoundParentHandler {

  private final HomeAlone homeAlone;
  private final HomeAloneQuestions.Withdrawing withdrawing;

  CancelHomeAloneHandler(WechatBindingService bindings, Replies replies, HomeAlone homeAlone,
      HomeAloneQuestions.Withdrawing withdrawing) {
    super(bindings, replies);
    this.homeAlone = homeAlone;
    this.withdrawing = withdrawing;
  }

  @Override
  protected WxMpXmlOutMessage handle(WxMpXmlMessage message, WechatBinding binding) {
    String child = replies.child(binding.current());
    long studentId = binding.current().studentId();
    if (homeAlone.history(studentId).stream().noneMatch(p -> p.live())) {
      return replies.text(message, "homeAlone.none", Map.of("child", child));
    }
    withdrawing.ask(message.getFromUser(), studentId);
    return replies.text(message, "homeAlone.askWithdraw", Map.of("child", child));
  }
}
