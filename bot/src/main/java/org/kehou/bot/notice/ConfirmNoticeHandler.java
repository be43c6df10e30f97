package org.kehou.bot.notice;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;
import org.kehou.bot.binding.BoundParentHandler;
import org.kehou.bot.wechat.Commands;
import org.kehou.bot.wechat.Replies;
import org.kehou.core.binding.WechatBinding;
import org.kehou.core.binding.WechatBindingService;
import org.kehou.core.notice.Confirmations;
import org.kehou.core.notice.NoticeTexts;
import org.kehou.core.notice.ParentNotice;
import org.springframework.stereotype.Component;

/**
 * {@code 收到}: the guardian's newest notice not yet confirmed; {@code 收到 3}: their notice numbered 3. A notice goes
 * to the guardian account, whichever child is current, so the confirmation is the guardian's too.
 */
@Component
public class ConfirmNoticeHandler extends BoundParentHandler {

  /** More digits than any guardian's count of notices: no such number (and no overflow). */
  private static final Pattern NUMBER = Pattern.compile("(\\d{1,6})");
  private static final Pattern ANY_DIGITS = Pattern.compile("\\d+");

  private final Commands commands;
  private final Confirmations confirmations;
  private final NoticeTexts noticeTexts;

  ConfirmNoticeHandler(WechatBindingService bindings, Replies replies, Commands commands,
      Confirmations confirmations, NoticeTexts noticeTexts) {
    super(bindings, replies);
    this.commands = commands;
    this.confirmations = confirmations;
    this.noticeTexts = noticeTexts;
  }

  @Override
  protected WxMpXmlOutMessage handle(WxMpXmlMessage message, WechatBinding binding) {
    String argument = commands.argument("confirmNotice", message.getContent());
    Matcher digits = ANY_DIGITS.matcher(argument);
    if (!digits.find()) {
      return confirmations.confirmNewest(binding.guardianId())
          .map(outcome -> reply(message, outcome))
          .orElseGet(() -> replies.text(message, "parentNotice.chat.none"));
    }
    String typed = digits.group();
    Optional<Confirmations.Outcome> outcome = NUMBER.matcher(typed).matches()
        ? confirmations.confirmNumber(binding.guardianId(), Integer.parseInt(typed)) : Optional.empty();
    return outcome.map(o -> reply(message, o))
        .orElseGet(() -> replies.text(message, "parentNotice.chat.unknownNumber", Map.of("seq", typed)));
  }

  private WxMpXmlOutMessage reply(WxMpXmlMessage message, Confirmations.Outcome outcome) {
    ParentNotice notice = outcome.notice();
    if (!outcome.now()) {
      return replies.text(message, "parentNotice.chat.already", Map.of("seq", notice.seq(), "title", notice.title(),
          "time", noticeTexts.when(notice.confirmedAt())));
    }
    return replies.text(message, "parentNotice.chat.confirmed", Map.of("seq", notice.seq(), "title", notice.title(),
        "child", noticeTexts.children(notice.children())));
  }
}
