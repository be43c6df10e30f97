package org.kehou.admin.review;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.kehou.admin.classes.ClassAccess;
import org.kehou.core.agreement.AgreementService;
import org.kehou.core.agreement.SignedAgreement;
import org.kehou.core.lifecycle.ApplicationState;
import org.kehou.core.lifecycle.HistoryEntry;
import org.kehou.core.lifecycle.ReviewedApplication;
import org.kehou.core.review.ReviewService;
import org.kehou.core.staff.Staff;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reading applications: admins the whole school, class teachers their own classes (scoped by the core). */
@RestController
class ApplicationController {

  private final ReviewService reviews;
  private final AgreementService agreements;
  private final ClassAccess classes;
  private final TermScope terms;

  ApplicationController(ReviewService reviews, AgreementService agreements, ClassAccess classes, TermScope terms) {
    this.reviews = reviews;
    this.agreements = agreements;
    this.classes = classes;
    this.terms = terms;
  }

  @Operation(summary = "Applications of a term (default: the current one), optionally of one state and class")
  @GetMapping("/api/v1/applications")
  List<ReviewedApplication> list(Staff me, @RequestParam(required = false) Long termId,
      @RequestParam(required = false) ApplicationState state, @RequestParam(required = false) Long classId) {
    if (classId != null) {
      classes.byId(me, classId);
    }
    return terms.resolve(me, termId)
        .map(term -> reviews.list(Reviewers.of(me), term, state, classId))
        .orElse(List.of());
  }

  @Operation(summary = "Every transition of the application: who, when, from, to, why")
  @GetMapping("/api/v1/applications/{id}/history")
  List<HistoryEntry> history(Staff me, @PathVariable long id) {
    return reviews.history(Reviewers.of(me), id);
  }

  @Operation(summary = "Every signature with the signed text, its stored and recomputed SHA-256 and whether they match")
  @GetMapping("/api/v1/applications/{id}/agreement")
  List<SignedAgreement> agreement(Staff me, @PathVariable long id) {
    return agreements.signatures(Reviewers.of(me), id);
  }
}
