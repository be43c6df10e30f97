package org.kehou.admin.rollcall;

import io.swagger.v3.oas.annotations.Operation;
import java.time.LocalDate;
import java.util.List;
import org.kehou.core.rollcall.AbsenceCase;
import org.kehou.core.rollcall.AbsenceCases;
import org.kehou.core.rollcall.CaseTimeline;
import org.kehou.core.rollcall.Outcome;
import org.kehou.core.staff.Staff;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Absence cases, scoped: the school admin sees every case, other staff the cases of sessions they teach and of
 * children of their classes.
 */
@RestController
class AbsenceCaseController {

  private final AbsenceCases cases;

  AbsenceCaseController(AbsenceCases cases) {
    this.cases = cases;
  }

  record OutcomeRequest(Outcome outcome, String note) {
  }

  @Operation(summary = "The date's absence cases, open and closed")
  @GetMapping("/api/v1/absence-cases")
  List<AbsenceCase> ofDay(Staff me, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
    return cases.ofDay(me, date);
  }

  @Operation(summary = "A case and its timeline: opened, guardians messaged, staff told, replies, escalation, outcome")
  @GetMapping("/api/v1/absence-cases/{id}")
  CaseTimeline timeline(Staff me, @PathVariable long id) {
    return cases.timeline(me, id);
  }

  @Operation(summary = "Record the outcome (code and free text; text required for OTHER); closes the case")
  @PostMapping("/api/v1/absence-cases/{id}/outcome")
  CaseTimeline outcome(Staff me, @PathVariable long id, @RequestBody OutcomeRequest request) {
    return cases.recordOutcome(me, id, request.outcome(), request.note());
  }
}
