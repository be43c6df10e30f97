package org.kehou.bot.notice;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;
import org.kehou.bot.binding.BoundParentHandler;
import org.kehou.bot.wechat.Replies;
import org.kehou.core.binding.WechatBinding;
import org.kehou.core.binding.WechatBindingService;
import org.kehou.core.notice.Confirmations;
import org.kehou.core.notice.NoticeTexts;
import org.kehou.core.notice.ParentNotice;
import org.springframework.stereotype.Component;

/** {@code 通知}: the guardian's latest notices, numbered as {@code 收到 3} takes them, each confirmed or not. */
@Component
public class NoticesHandler extends BoundParentHandler {

  /** Ten short lines keep the reply well within one passive reply (2048 bytes). */
  static final int LISTED = 10;

  private final Confirmations confirmations;
  private final NoticeTexts noticeTexts;

  NoticesHandler(WechatBindingService bindings, Replies replies, Confirmations confirmations,
      NoticeTexts noticeTexts) {
    super(bindings, replies);
    this.confirmations = confirmations;
    this.noticeTexts = noticeTexts;
  }

  @Override
  protected WxMpXmlOutMessage handle(WxMpXmlMessage message, WechatBinding binding) {
    List<ParentNotice> recent = confirmations.recent(binding.guardianId(), LISTED);
    if (recent.isEmpty()) {
      return replies.text(message, "parentNotice.chat.listNone");
    }
    String lines = recent.stream().map(this::line).collect(Collectors.joining("\n"));
    return replies.rendered(message, replies.message("parentNotice.chat.listHeader", Map.of()) + "\n" + lines);
  }

  private String line(ParentNotice notice) {
    return replies.message("parentNotice.chat.listLine", Map.of("seq", notice.seq(), "sentAt", date(notice.sentAt()),
        "title", notice.title(), "child", noticeTexts.children(notice.children()),
        "state", replies.message(notice.confirmed() ? "parentNotice.chat.confirmedState"
            : "parentNotice.chat.unconfirmedState", Map.of())));
  }

  private String date(LocalDateTime at) {
    return replies.message("parentNotice.chat.date", Map.of("month", at.getMonthValue(), "day", at.getDayOfMonth()));
  }
}
