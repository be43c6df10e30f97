package org.kehou.bot.leave;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;
import org.kehou.bot.binding.BoundParentHandler;
import org.kehou.bot.wechat.Commands;
import org.kehou.bot.wechat.Replies;
import org.kehou.core.binding.WechatBinding;
import org.kehou.core.binding.WechatBindingService;
import org.kehou.core.leave.LeaveDates;
import org.kehou.core.leave.LeaveRefused;
import org.kehou.core.leave.LeaveService;
import org.springframework.stereotype.Component;

/**
 * {@code 请假 [日期] [原因]}: leave for the current child (as every command, the one {@code 切换} chose), today unless a
 * date is named; an unreadable date gets examples.
 */
@Component
public class LeaveHandler extends BoundParentHandler {

  private final Commands commands;
  private final LeaveService leave;

  LeaveHandler(WechatBindingService bindings, Replies replies, Commands commands, LeaveService leave) {
    super(bindings, replies);
    this.commands = commands;
    this.leave = leave;
  }

  @Override
  protected WxMpXmlOutMessage handle(WxMpXmlMessage message, WechatBinding binding) {
    String child = replies.child(binding.current());
    LeaveDates.Asked asked = LeaveDates.read(commands.argument("leave", message.getContent()), leave.today());
    if (asked.date().isEmpty()) {
      return replies.text(message, "leave.unclearDate", Map.of("child", child));
    }
    LocalDate day = asked.date().get();
    try {
      LeaveService.Asked result = leave.ask(binding.schoolId(), binding.guardianId(),
          binding.current().studentId(), day, asked.reason());
      if (!result.added()) {
        String who = result.leave().askedByStaff() != null ? "leave.byStaff" : "leave.byGuardian";
        return replies.text(message, "leave.already", Map.of("child", child, "day", LeaveService.DAY.format(day),
            "who", replies.message(who, Map.of())));
      }
      return replies.text(message, "leave.asked", Map.of("child", child, "day", LeaveService.DAY.format(day),
          "date", LeaveService.DAY.format(day), "cutoff", replies.time(leave.cutoff())));
    } catch (LeaveRefused e) {
      return refused(replies, message, e, child);
    }
  }

  /** A refusal in the parent's words, naming the child. */
  static WxMpXmlOutMessage refused(Replies replies, WxMpXmlMessage message, LeaveRefused e, String child) {
    Map<String, Object> values = new HashMap<>(e.values());
    values.put("child", child);
    return replies.text(message, e.textKey(), values);
  }
}
