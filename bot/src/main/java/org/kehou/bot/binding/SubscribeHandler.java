package org.kehou.bot.binding;

import java.util.Map;
import me.chanjar.weixin.common.session.WxSessionManager;
import me.chanjar.weixin.mp.api.WxMpMessageHandler;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;
import org.kehou.bot.wechat.Replies;
import org.kehou.core.binding.WechatBindingService;
import org.springframework.stereotype.Component;

/** A new follower learns how to bind; a returning one gets the binding kept from before. */
@Component
public class SubscribeHandler implements WxMpMessageHandler {

  private final WechatBindingService bindings;
  private final Replies replies;

  SubscribeHandler(WechatBindingService bindings, Replies replies) {
    this.bindings = bindings;
    this.replies = replies;
  }

  @Override
  public WxMpXmlOutMessage handle(WxMpXmlMessage message, Map<String, Object> context, WxMpService wechat,
      WxSessionManager sessions) {
    return bindings.reactivate(message.getFromUser())
        .map(b -> replies.text(message, "subscribe.welcome.back",
            Map.of("guardian", b.guardianName(), "child", replies.child(b.current()))))
        .orElseGet(() -> replies.text(message, "subscribe.welcome"));
  }
}
