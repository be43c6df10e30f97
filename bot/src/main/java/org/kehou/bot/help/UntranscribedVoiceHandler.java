package org.kehou.bot.help;

import java.util.Map;
import me.chanjar.weixin.mp.api.WxMpMessageHandler;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;
import me.chanjar.weixin.common.session.WxSessionManager;
import org.kehou.bot.wechat.Replies;
import org.springframework.stereotype.Component;

/** A voice message WeChat did not transcribe (a recognised one is routed as text): the parent is asked to type. */
@Component
public class UntranscribedVoiceHandler implements WxMpMessageHandler {

  private final Replies replies;

  UntranscribedVoiceHandler(Replies replies) {
    this.replies = replies;
  }

  @Override
  public WxMpXmlOutMessage handle(WxMpXmlMessage message, Map<String, Object> context, WxMpService wechat,
      WxSessionManager sessions) {
    return replies.text(message, "voice.untranscribed");
  }
}
