package org.kehou.admin.records;

import io.swagger.v3.oas.annotations.Operation;
import java.io.ByteArrayOutputStream;
import java.util.Map;
import org.kehou.admin.web.ApiException;
import org.kehou.core.records.YearlyReport;
import org.kehou.core.staff.Staff;
import org.kehou.core.text.Texts;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The yearly report for the education bureau (school admin only: it adds up fees and reductions). */
@RestController
class YearlyReportController {

  private final YearlyReport report;
  private final Texts texts;

  YearlyReportController(YearlyReport report, Texts texts) {
    this.report = report;
    this.texts = texts;
  }

  @Operation(summary = "The school year's report for the education bureau (XLSX): year=2026 is 2026–2027, the terms "
      + "starting from August 2026 to July 2027")
  @GetMapping("/api/v1/records/yearly")
  ResponseEntity<byte[]> yearly(Staff me, @RequestParam String year) {
    if (!me.isAdmin()) {
      throw ApiException.forbidden();
    }
    int y;
    try {
      y = Integer.parseInt(year.strip());
    } catch (NumberFormatException e) {
      y = -1;
    }
    if (y < 2000 || y > 2100) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "INVALID", "records.staff.invalidYear");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    report.write(me.schoolId(), y, out);
    return Downloads.file(Downloads.XLSX, "yearly-report-" + y + ".xlsx",
        texts.message("records.download.yearly", Map.of("year", y, "nextYear", y + 1)), out.toByteArray());
  }
}
