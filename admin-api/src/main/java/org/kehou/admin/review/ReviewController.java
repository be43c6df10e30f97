package org.kehou.admin.review;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import org.kehou.admin.auth.Access;
import org.kehou.admin.review.ReviewRequests.BulkResult;
import org.kehou.admin.review.ReviewRequests.BulkReview;
import org.kehou.admin.review.ReviewRequests.Decision;
import org.kehou.admin.review.ReviewRequests.Outcome;
import org.kehou.admin.review.ReviewRequests.Reason;
import org.kehou.admin.review.ReviewRequests.Review;
import org.kehou.admin.web.ApiException;
import org.kehou.admin.web.Problems;
import org.kehou.core.lifecycle.HistoryEntry;
import org.kehou.core.lifecycle.ReviewRefused;
import org.kehou.core.lifecycle.Reviewer;
import org.kehou.core.review.ReviewService;
import org.kehou.core.staff.Staff;
import org.kehou.core.withdrawal.WithdrawalService;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The review steps and the school ending an enrolment. Each call is one transaction in the core. */
@RestController
class ReviewController {

  static final int BULK_MAX = 500;

  private final ReviewService reviews;
  private final WithdrawalService withdrawals;
  private final Problems problems;

  ReviewController(ReviewService reviews, WithdrawalService withdrawals, Problems problems) {
    this.reviews = reviews;
    this.withdrawals = withdrawals;
    this.problems = problems;
  }

  @Operation(summary = "The class teacher (or an admin) approves or rejects; a reason is required to reject")
  @PostMapping("/api/v1/applications/{id}/class-review")
  Outcome classReview(Staff me, @PathVariable long id, @Valid @RequestBody Review body) {
    Reviewer reviewer = Reviewers.of(me);
    if (body.decision() == Decision.APPROVE) {
      reviews.classApprove(reviewer, id);
    } else {
      reviews.classReject(reviewer, id, body.reason());
    }
    return outcome(reviewer, id);
  }

  @Operation(summary = "An admin reviews a class-approved application; approval opens the publicity window")
  @PostMapping("/api/v1/applications/{id}/school-review")
  Outcome schoolReview(Staff me, @PathVariable long id, @Valid @RequestBody Review body) {
    Reviewer reviewer = Reviewers.of(me);
    schoolStep(reviewer, id, body.decision(), body.reason());
    return outcome(reviewer, id);
  }

  /** Each id is its own transaction: one refused id is reported and does not undo the others. */
  @Operation(summary = "An admin reviews many applications at once; answers per id")
  @PostMapping("/api/v1/applications/school-review")
  List<BulkResult> bulkSchoolReview(Staff me, @Valid @RequestBody BulkReview body) {
    Access.requireAdmin(me);
    if (body.ids().size() > BULK_MAX) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "TOO_MANY_IDS", "api.review.tooManyIds", Map.of("max", BULK_MAX));
    }
    Reviewer reviewer = Reviewers.of(me);
    return body.ids().stream().distinct().map(id -> {
      try {
        schoolStep(reviewer, id, body.decision(), body.reason());
        return new BulkResult(id, true, null, null);
      } catch (ReviewRefused e) {
        return new BulkResult(id, false, e.kind().name(), problems.refusal(e));
      }
    }).toList();
  }

  @Operation(summary = "An admin ends an active enrolment (the school's right); the parents are told the reason")
  @PostMapping("/api/v1/applications/{id}/end")
  Outcome end(Staff me, @PathVariable long id, @RequestBody Reason body) {
    Reviewer reviewer = Reviewers.of(me);
    withdrawals.endBySchool(reviewer, id, body.reason());
    return outcome(reviewer, id);
  }

  private void schoolStep(Reviewer reviewer, long id, Decision decision, String reason) {
    if (decision == Decision.APPROVE) {
      reviews.schoolApprove(reviewer, id);
    } else {
      reviews.schoolReject(reviewer, id, reason);
    }
  }

  private Outcome outcome(Reviewer reviewer, long id) {
    List<HistoryEntry> history = reviews.history(reviewer, id);
    return new Outcome(id, history.get(history.size() - 1).toState());
  }
}
