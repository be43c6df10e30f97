package org.kehou.core.archive;

import java.io.IOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import org.kehou.core.records.AttendanceRecords;
import org.kehou.core.records.RecordsTexts;
import org.kehou.core.records.StatisticsWorkbook;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The school's weekly statistics, one workbook a week, and monthly summaries, one a month. */
@Component
@Order(50)
class StatisticsPart implements ArchivePart {

  private final StatisticsWorkbook workbook;
  private final RecordsTexts texts;

  StatisticsPart(StatisticsWorkbook workbook, RecordsTexts texts) {
    this.workbook = workbook;
    this.texts = texts;
  }

  @Override
  public String name() {
    return "statistics";
  }

  @Override
  public void write(ArchiveScope scope, ArchiveWriter out) throws IOException {
    String school = scope.school().name();
    for (LocalDate monday : scope.weeks()) {
      LocalDate sunday = monday.plusDays(6);
      Map<String, Object> values = Map.of("from", monday.toString(), "to", sunday.toString());
      out.file(texts.text("archive.weekly.file", values), texts.text("archive.weekly.description", values),
          zip -> workbook.week(school, AttendanceRecords.summarise(scope.attendance(monday, sunday), monday, sunday,
              null, null), zip));
    }
    for (YearMonth month : scope.months()) {
      Map<String, Object> values = Map.of("month", month.toString());
      out.file(texts.text("archive.monthly.file", values), texts.text("archive.monthly.description", values),
          zip -> workbook.month(school, AttendanceRecords.summarise(
              scope.attendance(month.atDay(1), month.atEndOfMonth()), month.atDay(1), month.atEndOfMonth(), null,
              null), zip));
    }
  }
}
