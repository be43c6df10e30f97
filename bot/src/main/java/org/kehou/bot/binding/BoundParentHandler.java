package org.kehou.bot.binding;

import java.util.Map;
import me.chanjar.weixin.mp.api.WxMpMessageHandler;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;
import me.chanjar.weixin.common.session.WxSessionManager;
import org.kehou.bot.wechat.Replies;
import org.kehou.core.binding.WechatBinding;
import org.kehou.core.binding.WechatBindingService;

/** A command that needs to know whose parent is writing: unbound openids are told how to bind first. */
public abstract class BoundParentHandler implements WxMpMessageHandler {

  protected final Replies replies;
  private final WechatBindingService bindings;

  protected BoundParentHandler(WechatBindingService bindings, Replies replies) {
    this.bindings = bindings;
    this.replies = replies;
  }

  @Override
  public final WxMpXmlOutMessage handle(WxMpXmlMessage message, Map<String, Object> context, WxMpService wechat,
      WxSessionManager sessions) {
    return bindings.find(message.getFromUser())
        .map(binding -> handle(message, binding))
        .orElseGet(() -> replies.text(message, "binding.needed"));
  }

  protected abstract WxMpXmlOutMessage handle(WxMpXmlMessage message, WechatBinding binding);
}
