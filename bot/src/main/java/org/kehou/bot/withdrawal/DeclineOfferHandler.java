package org.kehou.bot.withdrawal;

import java.util.Map;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;
import org.kehou.bot.binding.BoundParentHandler;
import org.kehou.bot.wechat.Replies;
import org.kehou.core.binding.WechatBinding;
import org.kehou.core.binding.WechatBindingService;
import org.kehou.core.lifecycle.WaitlistService;
import org.springframework.stereotype.Component;

/** {@code 放弃}: passes the seat offered to the current child on to the next child waiting. */
@Component
public class DeclineOfferHandler extends BoundParentHandler {

  private final WaitlistService waitlist;

  DeclineOfferHandler(WechatBindingService bindings, Replies replies, WaitlistService waitlist) {
    super(bindings, replies);
    this.waitlist = waitlist;
  }

  @Override
  protected WxMpXmlOutMessage handle(WxMpXmlMessage message, WechatBinding binding) {
    return waitlist.decline(binding.current().studentId())
        .map(reply -> replies.rendered(message, reply))
        .orElseGet(() -> replies.text(message, "waitlist.noOffer", Map.of("child", replies.child(binding.current()))));
  }
}
