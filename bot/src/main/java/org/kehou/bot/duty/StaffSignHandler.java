package org.kehou.bot.duty;

import java.time.LocalDateTime;
import java.util.Map;
import me.chanjar.weixin.common.session.WxSessionManager;
import me.chanjar.weixin.mp.api.WxMpMessageHandler;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;
import org.kehou.bot.wechat.Replies;
import org.kehou.core.duty.DutyRefused;
import org.kehou.core.duty.SessionDuty;
import org.kehou.core.staff.Staff;
import org.kehou.core.staff.StaffWechat;

/**
 * A staff command: it acts for the staff account bound to this WeChat (a guardian binding of the same account plays
 * no part), and a refusal is answered with the reason the admin API gives.
 */
abstract class StaffSignHandler implements WxMpMessageHandler {

  protected final Replies replies;
  private final StaffWechat staffWechat;

  StaffSignHandler(StaffWechat staffWechat, Replies replies) {
    this.staffWechat = staffWechat;
    this.replies = replies;
  }

  @Override
  public final WxMpXmlOutMessage handle(WxMpXmlMessage message, Map<String, Object> context, WxMpService wechat,
      WxSessionManager sessions) {
    return staffWechat.staffBehind(message.getFromUser()).map(staff -> {
      try {
        return replies.rendered(message, reply(sign(staff)));
      } catch (DutyRefused refused) {
        return replies.text(message, refused.reasonKey(), refused.values());
      }
    }).orElseGet(() -> replies.text(message, "duty.chat.staffOnly"));
  }

  protected abstract SessionDuty sign(Staff staff);

  protected abstract String reply(SessionDuty duty);

  protected Map<String, Object> values(SessionDuty duty, LocalDateTime at) {
    return Map.of("date", replies.message("duty.chat.date", Map.of("month", duty.date().getMonthValue(),
        "day", duty.date().getDayOfMonth())), "offering", duty.offering(), "startsAt", replies.time(duty.startsAt()),
        "endsAt", replies.time(duty.endsAt()), "at", replies.time(at.toLocalTime()));
  }
}
