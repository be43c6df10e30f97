package org.kehou.bot.agreement;

import java.util.Map;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;
import org.kehou.bot.binding.BoundParentHandler;
import org.kehou.bot.wechat.Replies;
import org.kehou.core.binding.WechatBinding;
import org.kehou.core.binding.WechatBindingService;
import org.kehou.core.lifecycle.AgreementService;
import org.springframework.stereotype.Component;

/** {@code 协议}: the agreement waiting for the current child, exactly as archived. */
@Component
public class AgreementHandler extends BoundParentHandler {

  private final AgreementService agreements;

  AgreementHandler(WechatBindingService bindings, Replies replies, AgreementService agreements) {
    super(bindings, replies);
    this.agreements = agreements;
  }

  @Override
  protected WxMpXmlOutMessage handle(WxMpXmlMessage message, WechatBinding binding) {
    return agreements.pendingText(binding.current().studentId())
        .map(text -> replies.rendered(message, text))
        .orElseGet(() -> replies.text(message, "agreement.nothingToSign",
            Map.of("child", replies.child(binding.current()))));
  }
}
