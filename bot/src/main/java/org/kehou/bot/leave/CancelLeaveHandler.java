package org.kehou.bot.leave;

import java.util.Map;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;
import org.kehou.bot.binding.BoundParentHandler;
import org.kehou.bot.wechat.Commands;
import org.kehou.bot.wechat.Replies;
import org.kehou.core.binding.WechatBinding;
import org.kehou.core.binding.WechatBindingService;
import org.kehou.core.leave.Leave;
import org.kehou.core.leave.LeaveDates;
import org.kehou.core.leave.LeaveRefused;
import org.kehou.core.leave.LeaveService;
import org.springframework.stereotype.Component;

/** {@code 取消请假 [日期]}: the current child's leave that day (today unless named), before the cutoff. */
@Component
public class CancelLeaveHandler extends BoundParentHandler {

  private final Commands commands;
  private final LeaveService leave;

  CancelLeaveHandler(WechatBindingService bindings, Replies replies, Commands commands, LeaveService leave) {
    super(bindings, replies);
    this.commands = commands;
    this.leave = leave;
  }

  @Override
  protected WxMpXmlOutMessage handle(WxMpXmlMessage message, WechatBinding binding) {
    String child = replies.child(binding.current());
    LeaveDates.Asked asked = LeaveDates.read(commands.argument("cancelLeave", message.getContent()), leave.today());
    if (asked.date().isEmpty()) {
      return replies.text(message, "leave.unclearCancelDate", Map.of("child", child));
    }
    try {
      Leave cancelled = leave.cancel(binding.guardianId(), binding.current().studentId(), asked.date().get());
      return replies.text(message, "leave.cancelled", Map.of("child", child,
          "day", LeaveService.DAY.format(cancelled.day())));
    } catch (LeaveRefused e) {
      return LeaveHandler.refused(replies, message, e, child);
    }
  }
}
