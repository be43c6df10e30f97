package org.kehou.bot.agreement;

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
 * {@code 协议}: the agreement waiting for a signature, exactly as archived; the child's whose agreement waits, whichever
 * child is current, and with two waiting the parent is asked which.
 */
@Component
public class AgreementHandler extends BoundParentHandler {

  private final WhichChild whichChild;
  private final ShowAgreement show;

  AgreementHandler(WechatBindingService bindings, Replies replies, WhichChild whichChild, ShowAgreement show) {
    super(bindings, replies);
    this.whichChild = whichChild;
    this.show = show;
  }

  @Override
  protected WxMpXmlOutMessage handle(WxMpXmlMessage message, WechatBinding binding) {
    return whichChild.take(message, binding, show)
        .orElseGet(() -> replies.text(message, "agreement.nothingToSign",
            Map.of("child", replies.child(binding.current()))));
  }
}
