package org.kehou.bot.enrolment;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
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
import org.kehou.core.enrolment.Offer;
import org.kehou.core.letter.LetterService;
import org.kehou.core.school.Term;
import org.springframework.stereotype.Component;

/** {@code 报名}: after the letter is read, numbers the offerings open to the current child and remembers the list. */
@Component
public class ApplyHandler extends BoundParentHandler {

  private final LetterService letters;
  private final EnrolmentService enrolment;
  private final Drafts drafts;
  private final WhichChild whichChild;
  private final Clock clock;

  ApplyHandler(WechatBindingService bindings, Replies replies, LetterService letters, EnrolmentService enrolment,
      Drafts drafts, WhichChild whichChild, Clock clock) {
    super(bindings, replies);
    this.clock = clock;
    this.whichChild = whichChild;
    this.letters = letters;
    this.enrolment = enrolment;
    this.drafts = drafts;
  }

  @Override
  protected WxMpXmlOutMessage handle(WxMpXmlMessage message, WechatBinding binding) {
    String child = replies.child(binding.current());
    Optional<Term> term = letters.currentTerm(binding.schoolId());
    if (term.isEmpty()) {
      return replies.text(message, "letter.none");
    }
    if (!letters.hasReadCurrent(binding.schoolId(), term.get(), binding.guardianId())) {
      return replies.text(message, "apply.need.letter", Map.of("child", child));
    }
    long studentId = binding.current().studentId();
    if (enrolment.liveApplication(term.get().id(), studentId).isPresent()) {
      return replies.text(message, "apply.already", Map.of("child", child));
    }
    List<Offer> offers = enrolment.openOfferings(term.get().id(), binding.current().gradeLevel());
    if (offers.isEmpty()) {
      return replies.text(message, "apply.none", Map.of("child", child));
    }
    List<String> lines = new ArrayList<>();
    LocalDateTime now = LocalDateTime.now(clock);
    for (int i = 0; i < offers.size(); i++) {
      Offer o = offers.get(i);
      lines.add(replies.message(lineKey(o, now), Map.of("n", i + 1, "name", o.name(),
          "weekdays", replies.weekdays(o.weekdays()), "start", replies.time(o.startsAt()),
          "end", replies.time(o.endsAt()), "free", o.freeSeats(),
          "closesAt", o.drawClosesAt() == null ? "" : ChoiceLines.when(o.drawClosesAt()))));
    }
    drafts.save(message.getFromUser(),
        new Drafts.Draft(studentId, term.get().id(), offers.stream().map(Offer::id).toList(), List.of()));
    // The numbers typed next pick offerings, not a child for an earlier question.
    whichChild.forget(message.getFromUser());
    return replies.text(message, "apply.list", Map.of("child", child, "offers", String.join("\n", lines)));
  }

  /** An offering allocated at close shows its draw, not seats: nobody holds one before the draw. */
  private static String lineKey(Offer offer, LocalDateTime now) {
    if (offer.inDraw(now)) {
      return "apply.offer.line.draw";
    }
    if (offer.awaitingDraw(now)) {
      return "apply.offer.line.drawClosed";
    }
    return offer.freeSeats() > 0 ? "apply.offer.line" : "apply.offer.line.full";
  }
}
