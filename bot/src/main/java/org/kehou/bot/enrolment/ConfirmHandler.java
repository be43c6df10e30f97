package org.kehou.bot.enrolment;

import java.util.Map;
import java.util.Optional;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;
import org.kehou.bot.binding.BoundParentHandler;
import org.kehou.bot.binding.WhichChild;
import org.kehou.bot.wechat.Replies;
import org.kehou.core.binding.WechatBinding;
import org.kehou.core.binding.WechatBindingService;
import org.kehou.core.enrolment.EnrolmentService;
import org.kehou.core.enrolment.Submission;
import org.springframework.stereotype.Component;

/**
 * {@code 确认}: submits the picked offerings (each a seat or a waitlist place); without a draft, accepts the seat offered
 * from the waitlist to whichever of the parent's children has one, asking which when two have.
 */
@Component
public class ConfirmHandler extends BoundParentHandler {

  private final EnrolmentService enrolment;
  private final Drafts drafts;
  private final ChoiceLines lines;
  private final WhichChild whichChild;
  private final AcceptOffer accept;

  ConfirmHandler(WechatBindingService bindings, Replies replies, EnrolmentService enrolment, Drafts drafts,
      ChoiceLines lines, WhichChild whichChild, AcceptOffer accept) {
    super(bindings, replies);
    this.whichChild = whichChild;
    this.accept = accept;
    this.enrolment = enrolment;
    this.drafts = drafts;
    this.lines = lines;
  }

  @Override
  protected WxMpXmlOutMessage handle(WxMpXmlMessage message, WechatBinding binding) {
    Optional<Drafts.Draft> draft = drafts.find(message.getFromUser()).filter(Drafts.Draft::picked);
    Optional<WechatBinding.Child> child = draft.flatMap(d -> DraftChild.of(binding, d));
    if (child.isEmpty()) {
      return whichChild.take(message, binding, accept)
          .orElseGet(() -> replies.text(message, "apply.nodraft"));
    }
    Submission submission = enrolment.submit(binding.schoolId(), draft.get().termId(), child.get().studentId(),
        child.get().gradeLevel(), binding.guardianId(), draft.get().chosen());
    drafts.drop(message.getFromUser());
    String name = replies.child(child.get());
    return switch (submission.outcome()) {
      case SUBMITTED -> replies.text(message, "apply.submitted",
          Map.of("child", name, "lines", lines.of(submission.application().orElseThrow())));
      case ALREADY_APPLIED -> replies.text(message, "apply.already", Map.of("child", name));
      case OFFERING_UNAVAILABLE -> replies.text(message, "apply.unavailable", Map.of("child", name));
    };
  }
}
