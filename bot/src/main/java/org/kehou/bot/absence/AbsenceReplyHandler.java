package org.kehou.bot.absence;

import java.util.List;
import java.util.Map;
import me.chanjar.weixin.common.session.WxSessionManager;
import me.chanjar.weixin.mp.api.WxMpMessageHandler;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;
import org.kehou.bot.wechat.Replies;
import org.kehou.core.binding.WechatBindingService;
import org.kehou.core.rollcall.AbsenceCases;
import org.springframework.stereotype.Component;

/** A guardian's text while their child's absence case is open joins the case's timeline, where staff read it. */
@Component
public class AbsenceReplyHandler implements WxMpMessageHandler {

  private final WechatBindingService bindings;
  private final AbsenceCases cases;
  private final Replies replies;

  AbsenceReplyHandler(WechatBindingService bindings, AbsenceCases cases, Replies replies) {
    this.bindings = bindings;
    this.cases = cases;
    this.replies = replies;
  }

  @Override
  public WxMpXmlOutMessage handle(WxMpXmlMessage message, Map<String, Object> context, WxMpService wechat,
      WxSessionManager sessions) {
    List<String> children = bindings.find(message.getFromUser())
        .map(b -> cases.attachReply(b.guardianId(), message.getContent())).orElse(List.of());
    if (children.isEmpty()) {
      // Closed between the match and now: the text is an ordinary unknown one.
      return replies.text(message, "help.unknown", Map.of("commands", replies.message("help.commands", Map.of())));
    }
    return replies.text(message, "absence.replyReceived", Map.of("child", String.join("、", children)));
  }
}
