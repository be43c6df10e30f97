package org.kehou.admin.fee;

import io.swagger.v3.oas.annotations.Operation;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.kehou.admin.web.ApiException;
import org.kehou.core.fee.FeeRule;
import org.kehou.core.fee.FeeRules;
import org.kehou.core.fee.FeeStatement;
import org.kehou.core.fee.FeeStatements;
import org.kehou.core.school.SchoolMapper;
import org.kehou.core.staff.Staff;
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

/**
 * Fees for the school's finance office: the school admin only, since a statement shows a hardship reduction, which
 * nobody but the school's administration may learn.
 */
@RestController
class FeeController {

  /** {@code lessonTenths}: 10 = a session counts one lesson, 15 = one and a half; {@code hardshipPercent} off. */
  record RuleRequest(Integer lessonTenths, Integer hardshipPercent) {
  }

  /** The month's statements and what they add up to (fen). */
  record MonthView(String month, int children, long chargedFen, long adjustmentFen, long amountFen,
      List<FeeStatement.WithAdjustments> statements) {
  }

  private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

  private final FeeRules rules;
  private final FeeStatements statements;
  private final SchoolMapper schools;
  private final FeeCsv csv;

  FeeController(FeeRules rules, FeeStatements statements, SchoolMapper schools, FeeCsv csv) {
    this.rules = rules;
    this.statements = statements;
    this.schools = schools;
    this.csv = csv;
  }

  @Operation(summary = "A term's fee rule: lessons a session counts (tenths) and the hardship reduction (percent)")
  @GetMapping("/api/v1/terms/{id}/fee-rule")
  FeeRule rule(Staff me, @PathVariable long id) {
    return rules.of(ownTerm(me, id));
  }

  @Operation(summary = "Set a term's fee rule (school admin); months already issued keep what they said")
  @PutMapping("/api/v1/terms/{id}/fee-rule")
  FeeRule setRule(Staff me, @PathVariable long id, @RequestBody RuleRequest request) {
    long termId = ownTerm(me, id);
    if (request == null || request.lessonTenths() == null || request.hardshipPercent() == null
        || request.lessonTenths() < 1 || request.lessonTenths() > 100 || request.hardshipPercent() < 0
        || request.hardshipPercent() > 100) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "INVALID", "fee.staff.invalidRule");
    }
    return rules.set(new FeeRule(termId, request.lessonTenths(), request.hardshipPercent()), me.id());
  }

  @Operation(summary = "The month's fee statements (school admin) as JSON, or CSV for the finance office with "
      + "format=csv")
  @GetMapping("/api/v1/fees")
  ResponseEntity<?> month(Staff me, @RequestParam String month, @RequestParam(required = false) String format) {
    admin(me);
    YearMonth ym = parse(month);
    List<FeeStatement.WithAdjustments> list = statements.ofMonth(me.schoolId(), ym);
    if ("csv".equalsIgnoreCase(format)) {
      return ResponseEntity.ok().contentType(CSV)
          .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
              .filename("fees-" + ym + ".csv", StandardCharsets.UTF_8).build().toString())
          .body(csv.render(list));
    }
    long charged = list.stream().mapToLong(s -> s.statement().chargedFen()).sum();
    long adjustments = list.stream().mapToLong(s -> s.statement().adjustmentFen()).sum();
    return ResponseEntity.ok(new MonthView(ym.toString(), list.size(), charged, adjustments, charged + adjustments,
        list));
  }

  @Operation(summary = "Issue a month that is over now, instead of waiting for the month-end job (school admin); "
      + "a month issued already is left as it is")
  @PostMapping("/api/v1/fees/{month}/issue")
  Map<String, Integer> issue(Staff me, @PathVariable String month) {
    admin(me);
    try {
      return Map.of("issued", statements.issue(me.schoolId(), parse(month)));
    } catch (IllegalArgumentException e) {
      throw new ApiException(HttpStatus.CONFLICT, "MONTH_NOT_OVER", "fee.staff.monthNotOver",
          Map.of("month", month));
    }
  }

  private long ownTerm(Staff me, long id) {
    admin(me);
    return schools.findTerm(id).filter(t -> t.schoolId() == me.schoolId())
        .orElseThrow(() -> ApiException.notFound("TERM_NOT_FOUND", "fee.staff.termNotFound")).id();
  }

  private static void admin(Staff me) {
    if (!me.isAdmin()) {
      throw ApiException.forbidden();
    }
  }

  private static YearMonth parse(String month) {
    try {
      return YearMonth.parse(month);
    } catch (DateTimeParseException e) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "INVALID", "fee.staff.invalidMonth");
    }
  }
}
