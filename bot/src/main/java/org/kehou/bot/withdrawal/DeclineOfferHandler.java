package org.kehou.bot.withdrawal;

import java.util.Map;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;
import org.kehou.bot.binding.BoundParentHandler;
import org.kehou.bot.binding.WhichChild;
import org.kehou.bot.wechat.Replies;
import org.kehou.core.binding.WechatBinding;
import org.kehou.core.binding.WechatBindingService;
import org.springframework.stereotype.Component;

/**
 * {@code 放弃}: passes a seat offered from the waitlist on to the next child waiting; the offer made to whichever of the
 * parent's children has one, and with offers for two the parent is asked which.
 */
@Component
public class DeclineOfferHandler extends BoundParentHandler {

  private final WhichChild whichChild;
  private final DeclineOffer decline;

  DeclineOfferHandler(WechatBindingService bindings, Replies replies, WhichChild whichChild, DeclineOffer decline) {
    super(bindings, replies);
    this.whichChild = whichChild;
    this.decline = decline;
  }

  @Override
  protected WxMpXmlOutMessage handle(WxMpXmlMessage message, WechatBinding binding) {
    return whichChild.take(message, binding, decline)
        .orElseGet(() -> replies.text(message, "waitlist.noOffer", Map.of("child", replies.child(binding.current()))));
  }
}
