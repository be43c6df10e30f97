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

/** {@code 退出}: explains what withdrawing means and waits for {@code 确认退出}. */
@Component
public class WithdrawHandler extends BoundParentHandler {

  private final WithdrawalService withdrawals;
  private final PendingWithdrawals pending;

  WithdrawHandler(WechatBindingService bindings, Replies replies, WithdrawalService withdrawals,
      PendingWithdrawals pending) {
    super(bindings, replies);
    this.withdrawals = withdrawals;
    this.pending = pending;
  }

  @Override
  protected WxMpXmlOutMessage handle(WxMpXmlMessage message, WechatBinding binding) {
    Map<String, Object> child = Map.of("child", replies.child(binding.current()));
    long studentId = binding.current().studentId();
    if (withdrawals.liveApplication(studentId).isEmpty()) {
      return replies.text(message, "withdrawal.nothing", child);
    }
    pending.ask(message.getFromUser(), studentId);
    return replies.text(message, "withdrawal.confirm", child);
  }
}
