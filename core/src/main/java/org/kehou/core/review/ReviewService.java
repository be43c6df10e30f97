package org.kehou.core.review;

import static org.kehou.core.lifecycle.ApplicationState.CLASS_APPROVED;
import static org.kehou.core.lifecycle.ApplicationState.IN_PUBLICITY;
import static org.kehou.core.lifecycle.ApplicationState.REJECTED;
import static org.kehou.core.lifecycle.ApplicationState.SUBMITTED;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.kehou.core.lifecycle.Actor;
import org.kehou.core.lifecycle.ApplicationRow;
import org.kehou.core.lifecycle.ApplicationState;
import org.kehou.core.lifecycle.HistoryEntry;
import org.kehou.core.lifecycle.ReviewMapper;
import org.kehou.core.lifecycle.ReviewRefused.Kind;
import org.kehou.core.lifecycle.ReviewRefused;
import org.kehou.core.lifecycle.ReviewedApplication;
import org.kehou.core.lifecycle.Reviewer;
import org.kehou.core.lifecycle.Transitions;
import org.kehou.core.waitlist.SeatTransaction;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The review steps of the policy chain: the class teacher approves or rejects, then the school; approval by the school
 * opens the publicity window. Each step locks the application row, checks the move against {@link ApplicationState},
 * and appends to the history in the same transaction.
 */
@Service
public class ReviewService {

  private final ReviewMapper mapper;
  private final Transitions transitions;
  private final Clock clock;

  ReviewService(ReviewMapper mapper, Transitions transitions, Clock clock) {
    this.mapper = mapper;
    this.transitions = transitions;
    this.clock = clock;
  }

  public List<ReviewedApplication> list(Reviewer reviewer, long termId, ApplicationState state, Long classId) {
    return mapper.list(reviewer, termId, state, classId);
  }

  @Transactional
  public void classApprove(Reviewer reviewer, long applicationId) {
    ApplicationRow row = lockForClassStep(reviewer, applicationId);
    transitions.move(row, CLASS_APPROVED, Actor.staff(reviewer.staffId()), null);
  }

  @SeatTransaction
  public void classReject(Reviewer reviewer, long applicationId, String reason) {
    String why = requireReason(reason);
    ApplicationRow row = lockForClassStep(reviewer, applicationId);
    transitions.reject(row, reviewer.staffId(), why);
  }

  @Transactional
  public void schoolApprove(Reviewer reviewer, long applicationId) {
    ApplicationRow row = lockForSchoolStep(reviewer, applicationId);
    transitions.move(row, IN_PUBLICITY, Actor.staff(reviewer.staffId()), null);
    LocalDateTime now = LocalDateTime.now(clock);
    mapper.startPublicity(row.id(), now, now.plusDays(mapper.publicityDays(row.termId())));
  }

  @SeatTransaction
  public void schoolReject(Reviewer reviewer, long applicationId, String reason) {
    String why = requireReason(reason);
    ApplicationRow row = lockForSchoolStep(reviewer, applicationId);
    if (row.state() != CLASS_APPROVED) {
      throw Transitions.illegal(row.state(), REJECTED);
    }
    transitions.reject(row, reviewer.staffId(), why);
  }

  public List<HistoryEntry> history(Reviewer reviewer, long applicationId) {
    visible(reviewer, applicationId);
    return mapper.history(applicationId);
  }

  /** Refuses an application of another school (404) or, for a class teacher, of another class (403). */
  public ApplicationRow visible(Reviewer reviewer, long applicationId) {
    ApplicationRow row = transitions.lock(applicationId);
    if (row.schoolId() != reviewer.schoolId()) {
      throw new ReviewRefused(Kind.NOT_FOUND, "review.notFound", Map.of("id", applicationId));
    }
    if (!reviewer.schoolAdmin() && !Long.valueOf(reviewer.staffId()).equals(row.classTeacherId())) {
      throw new ReviewRefused(Kind.NOT_YOURS, "review.notYourClass", Map.of("id", applicationId));
    }
    return row;
  }

  /**
   * The class step judges a fresh application only: once the school has approved (or the list is publicised), a class
   * teacher's rejection would overrule the school, so anything but SUBMITTED is refused.
   */
  private ApplicationRow lockForClassStep(Reviewer reviewer, long applicationId) {
    ApplicationRow row = visible(reviewer, applicationId);
    if (row.state() != SUBMITTED) {
      throw new ReviewRefused(Kind.ILLEGAL_TRANSITION, "review.classStepNotSubmitted",
          Map.of("id", applicationId, "state", row.state().name()));
    }
    return row;
  }

  private ApplicationRow lockForSchoolStep(Reviewer reviewer, long applicationId) {
    ApplicationRow row = visible(reviewer, applicationId);
    if (!reviewer.schoolAdmin()) {
      throw new ReviewRefused(Kind.NOT_YOURS, "review.adminOnly", Map.of("id", applicationId));
    }
    return row;
  }

  public static String requireReason(String reason) {
    if (reason == null || reason.isBlank()) {
      throw new ReviewRefused(Kind.INVALID, "review.reasonRequired", Map.of());
    }
    String trimmed = reason.strip();
    if (trimmed.length() > 500) {
      throw new ReviewRefused(Kind.INVALID, "review.reasonTooLong", Map.of("max", 500));
    }
    return trimmed;
  }
}
