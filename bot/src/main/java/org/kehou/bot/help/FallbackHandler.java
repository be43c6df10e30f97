package org.kehou.bot.help;

import java.util.Map;
import me.chanjar.weixin.common.session.WxSessionManager;
import me.chanjar.weixin.mp.api.WxMpMessageHandler;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;
import org.kehou.bot.wechat.Replies;
import org.springframework.stereotype.Component;

/** Anything the bot does not understand (text, pictures, voice...) gets the command list, never silence. */
@Component
public class FallbackHandler implements WxMpMessageHandler {

  private final Replies replies;

  FallbackHandler(Replies replies) {
    this.replies = replies;
  }

  @Override
  public WxMpXmlOutMessage handle(WxMpXmlMessage message, Map<String, Object> context, WxMpService wechat,
      WxSessionManager sessions) {
    return replies.text(message, "help.unknown", Map.of("commands", replies.message("help.commands", Map.of())));
  }
}
