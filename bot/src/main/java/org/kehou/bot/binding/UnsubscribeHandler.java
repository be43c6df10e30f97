package org.kehou.bot.binding;

import java.util.Map;
import me.chanjar.weixin.common.session.WxSessionManager;
import me.chanjar.weixin.mp.api.WxMpMessageHandler;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;
import org.kehou.core.binding.WechatBindingService;
import org.springframework.stereotype.Component;

/** Unfollowing keeps the binding, inactive: nothing is sent to it until the parent follows again. */
@Component
public class UnsubscribeHandler implements WxMpMessageHandler {

  private final WechatBindingService bindings;

  UnsubscribeHandler(WechatBindingService bindings) {
    this.bindings = bindings;
  }

  @Override
  public WxMpXmlOutMessage handle(WxMpXmlMessage message, Map<String, Object> context, WxMpService wechat,
      WxSessionManager sessions) {
    bindings.deactivate(message.getFromUser());
    return null;
  }
}
