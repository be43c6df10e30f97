package org.kehou.bot.notice;

import java.util.Map;
import java.util.Optional;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;
import org.kehou.bot.binding.BoundParentHandler;
import org.kehou.bot.wechat.Commands;
import org.kehou.bot.wechat.Replies;
import org.kehou.core.binding.WechatBinding;
import org.kehou.core.binding.WechatBindingService;
import org.kehou.core.notice.Confirmations;
import org.kehou.core.notice.NoticeTexts;
import org.springframework.stereotype.Component;

/**
 * {@code 收到} confirms the guardian's newest notice not yet confirmed, {@code 收到 3} their notice number 3: what
 * parents already type in class groups. Acts for the guardian, whichever child is current: a notice is theirs.
 */
@Component
public class ConfirmNoticeHandler extends BoundParentHandler {

  private final Commands commands;
  private final Confirmations confirmations;
  private final NoticeTexts texts;

  ConfirmNoticeHandler(WechatBindingService bindings, Replies replies, Commands commands, Confirmations confirmations,
      NoticeTexts texts) {
    super(bindings, replies);
    this.commands = commands;
    this.confirmations = confirmations;
    this.texts = texts;
  }

  @Override
  protected WxMpXmlOutMessage handle(WxMpXmlMessage message, WechatBinding binding) {
    String number = commands.argument("confirmNotice", message.getContent());
    Optional<Confirmations.Outcome> outcome;
    if (number.isEmpty()) {
      outcome = confirmations.confirmNewest(binding.guardianId());
      if (outcome.isEmpty()) {
        return replies.text(message, "parentNotice.chat.none");
      }
    } else {
      int seq;
      try {
        seq = Integer.parseInt(number);
      } catch (NumberFormatException e) {
        return replies.text(message, "parentNotice.chat.unknownNumber", Map.of("seq", number));
      }
      outcome = confirmations.confirmNumber(binding.guardianId(), seq);
      if (outcome.isEmpty()) {
        return replies.text(message, "parentNotice.chat.unknownNumber", Map.of("seq", seq));
      }
    }
    Confirmations.Outcome done = outcome.get();
    if (!done.now()) {
      return replies.text(message, "parentNotice.chat.already", Map.of("seq", done.notice().seq(),
          "title", done.notice().title(), "time", texts.when(done.notice().confirmedAt())));
    }
    return replies.text(message, "parentNotice.chat.confirmed", Map.of("seq", done.notice().seq(),
        "title", done.notice().title(), "child", texts.children(done.notice().children())));
  }
}
