package org.kehou.bot.withdrawal;

import java.util.Map;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;
import org.kehou.bot.binding.BoundParentHandler;
import org.kehou.bot.wechat.Replies;
import org.kehou.core.binding.WechatBinding;
import org.kehou.core.binding.WechatBindingService;
import org.kehou.core.withdrawal.WithdrawalService;
import org.springframework.stereotype.Component;

/** {@code 确认退出}: withdraws the child the parent asked about with {@code 退出} in the last ten minutes. */
@Component
public class ConfirmWithdrawHandler extends BoundParentHandler {

  private final WithdrawalService withdrawals;
  private final PendingWithdrawals pending;

  ConfirmWithdrawHandler(WechatBindingService bindings, Replies replies, WithdrawalService withdrawals,
      PendingWithdrawals pending) {
    super(bindings, replies);
    this.withdrawals = withdrawals;
    this.pending = pending;
  }

  @Override
  protected WxMpXmlOutMessage handle(WxMpXmlMessage message, WechatBinding binding) {
    // The child asked about, even if the parent switched children in between.
    return pending.take(message.getFromUser())
        .flatMap(studentId -> binding.children().stream().filter(c -> c.studentId() == studentId).findFirst())
        .map(child -> withdrawals.withdraw(binding.guardianId(), child.studentId())
            .map(reply -> replies.rendered(message, reply))
            .orElseGet(() -> replies.text(message, "withdrawal.nothing", Map.of("child", replies.child(child)))))
        .orElseGet(() -> replies.text(message, "withdrawal.notAsked"));
  }
}
