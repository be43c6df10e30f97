package org.kehou.admin.rollcall;

import io.swagger.v3.oas.annotations.Operation;
import java.time.LocalDate;
import java.util.List;
import org.kehou.core.rollcall.RollCall;
import org.kehou.core.rollcall.RollCallInput;
import org.kehou.core.rollcall.RollCallService;
import org.kehou.core.staff.Staff;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A session's roll call: taken by its teacher (or a school admin) from its start, corrected later that day. */
@RestController
class RollCallController {

  private final RollCallService rollCalls;

  RollCallController(RollCallService rollCalls) {
    this.rollCalls = rollCalls;
  }

  /** {@code allPresentExcept}, or {@code present} and {@code absent}: see {@link RollCallInput}. */
  record RollCallRequest(List<Long> present, List<Long> absent, List<Long> allPresentExcept) {
  }

  @Operation(summary = "Take or correct a session's roll call: every child present or absent, or all present except "
      + "a list; 409 before the start or after the day, 422 naming children not on the roster")
  @PutMapping("/api/v1/sessions/{offeringId}/{date}/roll-call")
  RollCall take(Staff me, @PathVariable long offeringId,
      @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
      @RequestBody RollCallRequest request) {
    return rollCalls.take(me, offeringId, date,
        new RollCallInput(request.present(), request.absent(), request.allPresentExcept()));
  }

  @Operation(summary = "A session's roll call: each child's current mark (null before any) and its history with who "
      + "and when; class teachers see the children of their classes")
  @GetMapping("/api/v1/sessions/{offeringId}/{date}/roll-call")
  RollCall read(Staff me, @PathVariable long offeringId,
      @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
    return rollCalls.read(me, offeringId, date);
  }
}
