package org.kehou.core.withdrawal;

import static org.kehou.core.lifecycle.ApplicationState.ACTIVE;
import static org.kehou.core.lifecycle.ApplicationState.ENDED;
import static org.kehou.core.lifecycle.ApplicationState.WITHDRAWN;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kehou.core.agreement.AgreementMapper;
import org.kehou.core.agreement.ServiceDays;
import org.kehou.core.lifecycle.Actor;
import org.kehou.core.lifecycle.ApplicationRow;
import org.kehou.core.lifecycle.ReviewRefused.Kind;
import org.kehou.core.lifecycle.ReviewRefused;
import org.kehou.core.lifecycle.Reviewer;
import org.kehou.core.lifecycle.StaffNotice;
import org.kehou.core.lifecycle.Transitions;
import org.kehou.core.review.ReviewService;
import org.kehou.core.staff.StaffAlerts;
import org.kehou.core.text.Texts;
import org.kehou.core.waitlist.SeatMapper;
import org.kehou.core.waitlist.SeatTransaction;
import org.springframework.stereotype.Service;

/**
 * Leaving the service: a guardian may withdraw at any time (an active enrolment ends from the next service day), and
 * the school may end an enrolment with a reason the parents are told. The freed seats go to the waitlist.
 */
@Service
public class WithdrawalService {

  private final AgreementMapper agreements;
  private final SeatMapper seats;
  private final Transitions transitions;
  private final ReviewService reviews;
  private final Texts texts;
  private final ServiceDays serviceDays;
  private final Clock clock;
  private final StaffAlerts staffAlerts;

  WithdrawalService(AgreementMapper agreements, SeatMapper seats, Transitions transitions, ReviewService reviews,
      Texts texts, ServiceDays serviceDays, Clock clock, StaffAlerts staffAlerts) {
    this.staffAlerts = staffAlerts;
    this.serviceDays = serviceDays;
    this.agreements = agreements;
    this.seats = seats;
    this.transitions = transitions;
    this.reviews = reviews;
    this.texts = texts;
    this.clock = clock;
  }

  /** The child's live application, if any: what 退出 would end. */
  public Optional<Long> liveApplication(long studentId) {
    return agreements.liveApplication(studentId);
  }

  /** 退出, confirmed: returns the reply for the guardian, or empty when the child has nothing to withdraw from. */
  @SeatTransaction
  public Optional<String> withdraw(long guardianId, long studentId) {
    Optional<Long> live = agreements.liveApplication(studentId);
    if (live.isEmpty()) {
      return Optional.empty();
    }
    ApplicationRow row = transitions.lock(live.get());
    if (row.state().isFinal()) {
      return Optional.empty(); // a second 退出 that waited for the first one's lock
    }
    LocalDate endsOn = serviceDays.nextFor(row);
    boolean wasActive = row.state() == ACTIVE;
    transitions.move(row, wasActive ? ENDED : WITHDRAWN, Actor.guardian(guardianId), null);
    if (wasActive) {
      seats.endsOn(row.id(), endsOn);
    }
    Map<String, Object> values = Map.of("child", row.studentName(), "endsOn", endsOn);
    if (row.classTeacherId() != null) {
      staffAlerts.tell(row.classTeacherId(), "withdrawal", "withdrawal:" + row.id(),
          texts.message("notice.withdrawn", values), Transitions.fields(values));
    }
    transitions.tellGuardians(row, "withdrawn", texts.message("withdrawal.toOtherGuardians", values),
        Transitions.fields(values), guardianId);
    return Optional.of(texts.message(wasActive ? "withdrawal.ended" : "withdrawal.withdrawn", values));
  }

  /** The school ends an active enrolment (its right under the agreement); the parents are told why. */
  @SeatTransaction
  public void endBySchool(Reviewer reviewer, long applicationId, String reason) {
    String why = ReviewService.requireReason(reason);
    ApplicationRow row = reviews.visible(reviewer, applicationId);
    if (!reviewer.schoolAdmin()) {
      throw new ReviewRefused(Kind.NOT_YOURS, "review.adminOnly", Map.of("id", applicationId));
    }
    if (row.state() != ACTIVE) {
      throw Transitions.illegal(row.state(), ENDED);
    }
    LocalDate endsOn = serviceDays.nextFor(row);
    transitions.move(row, ENDED, Actor.staff(reviewer.staffId()), why);
    seats.endsOn(row.id(), endsOn);
    Map<String, Object> values = Map.of("child", row.studentName(), "endsOn", endsOn, "reason", why);
    transitions.tellGuardians(row, "ended-by-school", texts.message("withdrawal.endedBySchool", values),
        Transitions.fields(values), null);
  }

  public List<StaffNotice> notices(long staffId) {
    return seats.notices(staffId);
  }
}
