package org.kehou.bot.withdrawal;

import java.util.Map;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;
import org.kehou.bot.binding.ChildStep;
import org.kehou.bot.wechat.Replies;
import org.kehou.core.binding.WechatBinding;
import org.kehou.core.waitlist.WaitlistService;
import org.springframework.stereotype.Component;

/** Passes the seat offered to a child on to the next child waiting. */
@Component
class DeclineOffer implements ChildStep {

  private final WaitlistService waitlist;
  private final Replies replies;

  DeclineOffer(WaitlistService waitlist, Replies replies) {
    this.waitlist = waitlist;
    this.replies = replies;
  }

  @Override
  public String id() {
    return "decline";
  }

  @Override
  public boolean pendingFor(long studentId) {
    return waitlist.hasOpenOffer(studentId);
  }

  @Override
  public WxMpXmlOutMessage take(WxMpXmlMessage message, WechatBinding binding, WechatBinding.Child child) {
    return waitlist.decline(child.studentId())
        .map(reply -> replies.rendered(message, reply))
        .orElseGet(() -> replies.text(message, "waitlist.noOffer", Map.of("child", replies.child(child))));
  }
}
