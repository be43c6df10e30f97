package org.kehou.core.archive;

import java.io.IOException;
import java.time.YearMonth;
import java.util.Map;
import org.kehou.core.records.AttendanceWorkbook;
import org.kehou.core.records.RecordsTexts;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The attendance sheets: one workbook per month, one worksheet per service day with every session's children. */
@Component
@Order(40)
class AttendancePart implements ArchivePart {

  private final AttendanceWorkbook workbook;
  private final RecordsTexts texts;

  AttendancePart(AttendanceWorkbook workbook, RecordsTexts texts) {
    this.workbook = workbook;
    this.texts = texts;
  }

  @Override
  public String name() {
    return "attendance";
  }

  @Override
  public void write(ArchiveScope scope, ArchiveWriter out) throws IOException {
    for (YearMonth month : scope.months()) {
      Map<String, Object> values = Map.of("month", month.toString());
      out.file(texts.text("archive.attendance.file", values), texts.text("archive.attendance.description", values),
          zip -> workbook.days(scope.school().name(), scope.attendance(month.atDay(1), month.atEndOfMonth()), zip));
    }
  }
}
