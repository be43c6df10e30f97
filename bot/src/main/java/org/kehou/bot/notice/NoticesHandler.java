package org.kehou.bot.notice;

import java.util.List;
import java.util.Map;
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

/** {@code 通知}: the guardian's recent notices with their numbers, whom they are about and whether confirmed. */
@Component
public class NoticesHandler extends BoundParentHandler {

  /** Kept short: a passive reply carries at most 2,048 bytes. */
  static final int SHOWN = 8;

  private final Confirmations confirmations;
  private final NoticeTexts texts;

  NoticesHandler(WechatBindingService bindings, Replies replies, Confirmations confirmations, NoticeTexts texts) {
    super(bindings, replies);
    this.confirmations = confirmations;
    this.texts = texts;
  }

  @Override
  protected WxMpXmlOutMessage handle(WxMpXmlMessage message, WechatBinding binding) {
    List<ParentNotice> recent = confirmations.recent(binding.guardianId(), SHOWN);
    if (recent.isEmpty()) {
      return replies.text(message, "parentNotice.chat.listNone");
    }
    StringBuilder list = new StringBuilder(replies.message("parentNotice.chat.listHeader", Map.of()));
    for (ParentNotice n : recent) {
      list.append('\n').append(replies.message("parentNotice.chat.listLine", Map.of("seq", n.seq(),
          "sentAt", texts.when(n.sentAt()), "title", n.title(), "child", texts.children(n.children()),
          "state", replies.message(n.confirmed() ? "parentNotice.chat.confirmedState"
              : "parentNotice.chat.unconfirmedState", Map.of()))));
    }
    return replies.rendered(message, list.toString());
  }
}
