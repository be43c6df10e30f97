package org.kehou.bot.enrolment;

import java.util.Map;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;
import org.kehou.bot.binding.ChildStep;
import org.kehou.bot.wechat.Replies;
import org.kehou.core.binding.WechatBinding;
import org.kehou.core.waitlist.WaitlistService;
import org.springframework.stereotype.Component;

/** Accepts the seat offered to a child from the waitlist. */
@Component
class AcceptOffer implements ChildStep {

  private final WaitlistService waitlist;
  private final Replies replies;

  AcceptOffer(WaitlistService waitlist, Replies replies) {
    this.waitlist = waitlist;
    this.replies = replies;
  }

  @Override
  public String id() {
    return "accept";
  }

  @Override
  public boolean pendingFor(long studentId) {
    return waitlist.hasOpenOffer(studentId);
  }

  @Override
  public WxMpXmlOutMessage take(WxMpXmlMessage message, WechatBinding binding, WechatBinding.Child child) {
    return waitlist.accept(binding.guardianId(), child.studentId())
        .map(reply -> replies.rendered(message, reply))
        .orElseGet(() -> replies.text(message, "waitlist.noOffer", Map.of("child", replies.child(child))));
  }
}
