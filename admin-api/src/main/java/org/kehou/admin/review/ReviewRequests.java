package org.kehou.admin.review;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/** Bodies of the review endpoints. A reason is checked by the core (required to reject, at most 500 characters). */
final class ReviewRequests {

  private ReviewRequests() {
  }

  enum Decision { APPROVE, REJECT }

  record Review(@NotNull Decision decision, String reason) {
  }

  record BulkReview(@NotEmpty List<@NotNull Long> ids, @NotNull Decision decision, String reason) {
  }

  record Reason(String reason) {
  }

  record Resolution(@NotNull Boolean upheld, String note) {
  }

  /** Where an application stands after a step. */
  record Outcome(long id, String state) {
  }

  /** One id of a bulk review: ok, or the refusal's code and explanation. */
  record BulkResult(long id, boolean ok, String code, String detail) {
  }
}
