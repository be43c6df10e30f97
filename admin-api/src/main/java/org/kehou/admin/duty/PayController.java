package org.kehou.admin.duty;

import io.swagger.v3.oas.annotations.Operation;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.kehou.admin.web.ApiException;
import org.kehou.core.duty.DutyRule;
import org.kehou.core.duty.DutyRules;
import org.kehou.core.duty.Shortfall;
import org.kehou.core.duty.Staffing;
import org.kehou.core.duty.SubsidySheet;
import org.kehou.core.duty.SubsidySheets;
import org.kehou.core.school.SchoolMapper;
import org.kehou.core.staff.Staff;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The school admin's side of teacher pay and staffing: the term's duty rule, the subsidy sheet, short sessions. */
@RestController
class PayController {

  private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

  /** Every field required: the body replaces the rule whole, as {@code GET} shows it. */
  record RuleRequest(Integer teacherRateFen, Integer managerRateFen, Integer lessonTenths, Integer signInOpensMinutes,
      Integer signInGraceMinutes, Integer signOutEarlyMinutes, Integer pupilsPerTeacher, Integer pupilsPerManager) {

    boolean complete() {
      return teacherRateFen != null && managerRateFen != null && lessonTenths != null && signInOpensMinutes != null
          && signInGraceMinutes != null && signOutEarlyMinutes != null && pupilsPerTeacher != null
          && pupilsPerManager != null;
    }
  }

  private final DutyRules rules;
  private final SubsidySheets sheets;
  private final Staffing staffing;
  private final SchoolMapper schools;
  private final SubsidyCsv csv;

  PayController(DutyRules rules, SubsidySheets sheets, Staffing staffing, SchoolMapper schools, SubsidyCsv csv) {
    this.rules = rules;
    this.sheets = sheets;
    this.staffing = staffing;
    this.schools = schools;
    this.csv = csv;
  }

  @Operation(summary = "A term's duty rule: rates per lesson hour (fen), lesson tenths per session, the sign-in and "
      + "sign-out rules, the staffing ratios (school admin)")
  @GetMapping("/api/v1/terms/{id}/duty-rule")
  DutyRule rule(Staff me, @PathVariable long id) {
    return rules.of(ownTerm(me, id));
  }

  @Operation(summary = "Replace a term's duty rule (school admin); the sheets of months not closed yet and the "
      + "staffing checks use it from now on, a closed month keeps its sheet")
  @PutMapping("/api/v1/terms/{id}/duty-rule")
  DutyRule setRule(Staff me, @PathVariable long id, @RequestBody RuleRequest r) {
    long termId = ownTerm(me, id);
    DutyRule rule = r == null || !r.complete() ? null : new DutyRule(termId, r.teacherRateFen(), r.managerRateFen(),
        r.lessonTenths(), r.signInOpensMinutes(), r.signInGraceMinutes(), r.signOutEarlyMinutes(),
        r.pupilsPerTeacher(), r.pupilsPerManager());
    if (rule == null || !rule.valid()) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "INVALID", "duty.staff.invalidRule");
    }
    return rules.set(rule, me.id());
  }

  @Operation(summary = "The month's subsidy sheet (补助资金月发放明细表, school admin): per staff member by real name, "
      + "sessions, lesson hours, rate and amount in fen, with the duties that did not count and why; format=csv for "
      + "the finance office, in yuan")
  @GetMapping("/api/v1/subsidies")
  ResponseEntity<?> subsidies(Staff me, @RequestParam String month, @RequestParam(required = false) String format) {
    admin(me);
    YearMonth ym = month(month);
    SubsidySheet sheet = sheets.month(me.schoolId(), ym);
    if ("csv".equalsIgnoreCase(format)) {
      return ResponseEntity.ok().contentType(CSV)
          .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
              .filename("subsidies-" + ym + ".csv", StandardCharsets.UTF_8).build().toString())
          .body(csv.render(sheet));
    }
    return ResponseEntity.ok(sheet);
  }

  @Operation(summary = "Close a month that is over now, instead of waiting for the month-end job (school admin): its "
      + "sheet is kept as it is from then on; a month closed already is left as it was")
  @PostMapping("/api/v1/subsidies/{month}/close")
  SubsidySheet close(Staff me, @PathVariable String month) {
    admin(me);
    YearMonth ym = month(month);
    try {
      sheets.close(me.schoolId(), ym);
    } catch (IllegalArgumentException e) {
      throw new ApiException(HttpStatus.CONFLICT, "MONTH_NOT_OVER", "duty.staff.monthNotOver", Map.of("month", month));
    }
    return sheets.month(me.schoolId(), ym);
  }

  @Operation(summary = "Sessions short of staff under the term's ratios from one date to another (at most 62 days; "
      + "school admin): the plan for dates ahead, the actual rosters for today")
  @GetMapping("/api/v1/staffing")
  List<Shortfall> shortfalls(Staff me, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
    admin(me);
    try {
      return staffing.shortfalls(me.schoolId(), from, to, null);
    } catch (IllegalArgumentException e) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "INVALID", "duty.staff.invalidRange",
          Map.of("days", Staffing.MAX_DAYS));
    }
  }

  private static YearMonth month(String month) {
    try {
      return YearMonth.parse(month);
    } catch (DateTimeParseException e) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "INVALID", "duty.staff.invalidMonth");
    }
  }

  private long ownTerm(Staff me, long id) {
    admin(me);
    return schools.findTerm(id).filter(t -> t.schoolId() == me.schoolId())
        .orElseThrow(() -> ApiException.notFound("TERM_NOT_FOUND", "duty.staff.termNotFound")).id();
  }

  private static void admin(Staff me) {
    if (!me.isAdmin()) {
      throw ApiException.forbidden();
    }
  }
}
