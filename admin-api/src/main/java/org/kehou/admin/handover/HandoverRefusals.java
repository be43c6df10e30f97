package org.kehou.admin.handover;

import org.kehou.admin.web.Problems;
import org.kehou.core.handover.HandoverRefused;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Refused hand-overs as problem details; an adult not authorised gets the list of who is, to pick from at once. */
@RestControllerAdvice(assignableTypes = HandoverController.class)
class HandoverRefusals {

  private final Problems problems;

  HandoverRefusals(Problems problems) {
    this.problems = problems;
  }

  @ExceptionHandler(HandoverRefused.class)
  ResponseEntity<ProblemDetail> refused(HandoverRefused e) {
    HttpStatus status = switch (e.kind()) {
      case NO_SESSION -> HttpStatus.NOT_FOUND;
      case NOT_YOURS -> HttpStatus.FORBIDDEN;
      case NOT_STARTED, DAY_OVER, NOT_PRESENT, NOT_AUTHORISED -> HttpStatus.CONFLICT;
      case NOT_ON_ROSTER -> HttpStatus.UNPROCESSABLE_CONTENT;
      case INVALID -> HttpStatus.BAD_REQUEST;
    };
    ProblemDetail problem = problems.of(status, e.kind().name(), "handover.staff." + e.kind().name(), e.values());
    if (e.values().get("authorised") != null) {
      problem.setProperty("authorised", e.values().get("authorised"));
      problem.setProperty("homeAlone", e.values().get("homeAlone"));
    }
    return ResponseEntity.status(status).body(problem);
  }
}
