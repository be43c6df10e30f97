package org.kehou.admin.duty;

import java.util.Map;
import org.kehou.admin.web.Problems;
import org.kehou.core.duty.DutyRefused;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Refused duty steps as problem details, their {@code code} the kind of refusal. */
@RestControllerAdvice(assignableTypes = {DutyController.class, PayController.class})
class DutyRefusals {

  private final Problems problems;

  DutyRefusals(Problems problems) {
    this.problems = problems;
  }

  static DutyRefused invalid() {
    return new DutyRefused(DutyRefused.Kind.INVALID, "duty.staff.invalid", Map.of());
  }

  @ExceptionHandler(DutyRefused.class)
  ResponseEntity<ProblemDetail> refused(DutyRefused e) {
    HttpStatus status = switch (e.kind()) {
      case NO_SESSION, NOT_FOUND -> HttpStatus.NOT_FOUND;
      case NOT_YOURS, NOT_ON_DUTY -> HttpStatus.FORBIDDEN;
      case TOO_EARLY, SESSION_OVER, DAY_OVER, ALREADY_SIGNED, NOT_SIGNED_IN, NOTHING_TO_SIGN, ALREADY_ON_DUTY ->
          HttpStatus.CONFLICT;
      case INVALID -> HttpStatus.BAD_REQUEST;
    };
    return ResponseEntity.status(status).body(problems.of(status, e.kind().name(), e.reasonKey(), e.values()));
  }
}
