package org.kehou.admin.duty;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.kehou.core.duty.Duties;
import org.kehou.core.duty.DutyAssignment;
import org.kehou.core.duty.DutyRole;
import org.kehou.core.duty.DutySigns;
import org.kehou.core.duty.SessionDuty;
import org.kehou.core.duty.Shortfall;
import org.kehou.core.duty.SignChannel;
import org.kehou.core.duty.Staffing;
import org.kehou.core.staff.Staff;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Duties: the school admin plans who is on duty in an offering's sessions, and staff sign in and out of their own
 * (the admin may record one for a colleague). Signing through here is the console's channel.
 */
@RestController
class DutyController {

  /** How far ahead a new standing duty's answer looks for sessions still short. */
  static final int PLANNED_DAYS = 14;

  record AssignRequest(Long staffId, DutyRole role, LocalDate date) {
  }

  record Assigned(DutyAssignment assignment, List<Shortfall> shortfalls) {
  }

  /** {@code staffId} null or the caller's own id: the caller signs; another id: the admin records it for them. */
  record SignRequest(Long staffId) {
  }

  record RealNameRequest(String realName) {
  }

  private final Duties duties;
  private final DutySigns signs;
  private final Staffing staffing;
  private final Clock clock;

  DutyController(Duties duties, DutySigns signs, Staffing staffing, Clock clock) {
    this.duties = duties;
    this.signs = signs;
    this.staffing = staffing;
    this.clock = clock;
  }

  @Operation(summary = "The staff planned on an offering's sessions besides its own teacher (school admin)")
  @GetMapping("/api/v1/offerings/{id}/duties")
  List<DutyAssignment> assignments(Staff me, @PathVariable long id) {
    return duties.ofOffering(me, id);
  }

  @Operation(summary = "Plan a staff member on every session of an offering, or on one date's, as TEACHER or MANAGER "
      + "(school admin); the answer lists the offering's sessions still short of staff (that date, or the next 14 days)")
  @PostMapping("/api/v1/offerings/{id}/duties")
  @ResponseStatus(HttpStatus.CREATED)
  Assigned assign(Staff me, @PathVariable long id, @RequestBody AssignRequest request) {
    if (request == null || request.staffId() == null) {
      throw DutyRefusals.invalid();
    }
    DutyAssignment assignment = duties.assign(me, id, request.staffId(), request.role(), request.date());
    LocalDate from = request.date() != null ? request.date() : LocalDate.now(clock);
    LocalDate to = request.date() != null ? request.date() : from.plusDays(PLANNED_DAYS - 1);
    return new Assigned(assignment, staffing.shortfalls(me.schoolId(), from, to, id));
  }

  @Operation(summary = "Take a planned duty off (school admin); sign-ins already made stay")
  @DeleteMapping("/api/v1/offerings/{id}/duties/{assignmentId}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void remove(Staff me, @PathVariable long id, @PathVariable long assignmentId) {
    duties.remove(me, id, assignmentId);
  }

  @Operation(summary = "A session's duties with their sign-in and sign-out (school admin, or staff on duty in it)")
  @GetMapping("/api/v1/sessions/{offeringId}/{date}/duties")
  List<SessionDuty> ofSession(Staff me, @PathVariable long offeringId,
      @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
    return signs.ofSession(me, offeringId, date);
  }

  @Operation(summary = "Sign in to a duty: from the term's window before the start until the end; once")
  @PostMapping("/api/v1/sessions/{offeringId}/{date}/sign-in")
  SessionDuty signIn(Staff me, @PathVariable long offeringId,
      @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
      @RequestBody(required = false) SignRequest request) {
    return signs.signIn(me, whom(me, request), offeringId, date, SignChannel.CONSOLE);
  }

  @Operation(summary = "Sign out of a duty signed in to, until the end of that day; once. Before the session's end "
      + "it is recorded, and the session then does not count for pay (earlySignOut)")
  @PostMapping("/api/v1/sessions/{offeringId}/{date}/sign-out")
  SessionDuty signOut(Staff me, @PathVariable long offeringId,
      @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
      @RequestBody(required = false) SignRequest request) {
    return signs.signOut(me, whom(me, request), offeringId, date, SignChannel.CONSOLE);
  }

  @Operation(summary = "The caller's duties on a date (today by default) with what they signed")
  @GetMapping("/api/v1/duties/mine")
  List<SessionDuty> mine(Staff me,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
    return signs.mine(me, date == null ? LocalDate.now(clock) : date);
  }

  @Operation(summary = "The staff member's real name, which the subsidy sheet pays under (school admin; blank clears)")
  @PutMapping("/api/v1/staff/{id}/real-name")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void realName(Staff me, @PathVariable long id, @RequestBody RealNameRequest request) {
    duties.setRealName(me, id, request == null ? null : request.realName());
  }

  private static long whom(Staff me, SignRequest request) {
    return request == null || request.staffId() == null ? me.id() : request.staffId();
  }
}
