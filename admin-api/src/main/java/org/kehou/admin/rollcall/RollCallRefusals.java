package org.kehou.admin.rollcall;

import org.kehou.admin.web.Problems;
import org.kehou.core.rollcall.RollCallRefused;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Refused roll-call and case steps as problem details; children not on the roster are listed by id too. */
@RestControllerAdvice(assignableTypes = {RollCallController.class, AbsenceCaseController.class})
class RollCallRefusals {

  private final Problems problems;

  RollCallRefusals(Problems problems) {
    this.problems = problems;
  }

  @ExceptionHandler(RollCallRefused.class)
  ResponseEntity<ProblemDetail> refused(RollCallRefused e) {
    HttpStatus status = switch (e.kind()) {
      case NO_SESSION -> HttpStatus.NOT_FOUND;
      case NOT_YOURS -> HttpStatus.FORBIDDEN;
      case NOT_STARTED, DAY_OVER, CASE_CLOSED -> HttpStatus.CONFLICT;
      case NOT_ON_ROSTER -> HttpStatus.UNPROCESSABLE_CONTENT;
      case INVALID -> HttpStatus.BAD_REQUEST;
    };
    ProblemDetail problem = problems.of(status, e.kind().name(), e.reasonKey(), e.values());
    if (e.values().get("children") != null) {
      problem.setProperty("children", e.values().get("children"));
    }
    return ResponseEntity.status(status).body(problem);
  }
}
