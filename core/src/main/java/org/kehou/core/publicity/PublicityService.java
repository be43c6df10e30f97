package org.kehou.core.publicity;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.kehou.core.lifecycle.ApplicationRow;
import org.kehou.core.lifecycle.ApplicationState;
import org.kehou.core.lifecycle.ReviewMapper;
import org.kehou.core.lifecycle.ReviewRefused.Kind;
import org.kehou.core.lifecycle.ReviewRefused;
import org.kehou.core.lifecycle.Reviewer;
import org.kehou.core.lifecycle.Transitions;
import org.kehou.core.review.ReviewService;
import org.kehou.core.waitlist.SeatTransaction;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The publicity window (公示): the public list, objections during the window, and the window's end. */
@Service
public class PublicityService {

  private final ReviewMapper mapper;
  private final ReviewService reviews;
  private final Transitions transitions;
  private final Clock clock;

  PublicityService(ReviewMapper mapper, ReviewService reviews, Transitions transitions, Clock clock) {
    this.mapper = mapper;
    this.reviews = reviews;
    this.transitions = transitions;
    this.clock = clock;
  }

  /** The list as the school publishes it: class, masked name, offerings. Never a priority flag. */
  public List<PublicityEntry> list(long termId) {
    return mapper.inPublicity(termId).stream()
        .map(a -> new PublicityEntry(a.id(), a.className(), PublicityEntry.mask(a.studentName()), a.offerings(),
            a.publicityEndsAt()))
        .toList();
  }

  @Transactional
  public void recordObjection(Reviewer reviewer, long applicationId, String reason) {
    String why = ReviewService.requireReason(reason);
    ApplicationRow row = reviews.visible(reviewer, applicationId);
    if (row.state() != ApplicationState.IN_PUBLICITY) {
      throw new ReviewRefused(Kind.ILLEGAL_TRANSITION, "review.notInPublicity", Map.of("state", row.state().name()));
    }
    mapper.recordObjection(applicationId, why, reviewer.staffId(), LocalDateTime.now(clock));
  }

  /** An upheld objection rejects the application (the parents are told why); a dismissed one lets it go on. */
  @SeatTransaction
  public void resolveObjection(Reviewer reviewer, long objectionId, boolean upheld, String note) {
    if (!reviewer.schoolAdmin()) {
      throw new ReviewRefused(Kind.NOT_YOURS, "review.adminOnly", Map.of("id", objectionId));
    }
    String why = ReviewService.requireReason(note);
    long applicationId = mapper.lockOpenObjection(objectionId)
        .orElseThrow(() -> new ReviewRefused(Kind.NOT_FOUND, "review.objectionNotFound", Map.of("id", objectionId)));
    ApplicationRow row = reviews.visible(reviewer, applicationId);
    mapper.resolveObjection(objectionId, upheld ? "UPHELD" : "DISMISSED", why, reviewer.staffId(),
        LocalDateTime.now(clock));
    if (upheld) {
      transitions.reject(row, reviewer.staffId(), why);
    }
  }

  public List<Objection> objections(Reviewer reviewer, long applicationId) {
    reviews.visible(reviewer, applicationId);
    return mapper.objections(applicationId);
  }

  /** Applications whose window is over with no open objection; the agreement step picks them up. */
  public List<Long> windowsOver() {
    return mapper.publicityOver(LocalDateTime.now(clock));
  }
}
