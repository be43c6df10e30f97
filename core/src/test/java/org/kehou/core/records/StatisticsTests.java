package org.kehou.core.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Weekly statistics and monthly summaries count child-sessions: 应到 is the roster (leave not included), the rate is
 * 实到 over 应到.
 */
class StatisticsTests extends RecordsTestSupport {

  @Autowired StatisticsWorkbook workbook;

  @Test
  void theSchoolsWeekIsCountedPerClassPerDayAndPerChild() throws Exception {
    PeriodReport week = records.period(school.schoolId, MONDAY, MONDAY.plusDays(6), null);

    // Monday: 3 expected (韩梅梅 on leave), 2 present, 1 absent, 1 early; Tuesday 4 present; Wed–Fri 4 unmarked each.
    assertThat(week.total()).isEqualTo(new Tally(19, 6, 1, 12, 1, 1));
    assertThat(week.sessionsHeld()).isEqualTo(5);
    try (XSSFWorkbook book = open(out -> workbook.week("测试小学", week, out))) {
      assertThat(book.getNumberOfSheets()).isEqualTo(3);
      XSSFSheet classes = book.getSheet("按班级");
      assertThat(cell(classes, 0, 0)).isEqualTo("测试小学 全校 2026年10月12日至2026年10月18日 出勤周统计");
      assertThat(row(classes, 1, 8)).containsExactly("班级", "应到", "实到", "缺勤", "请假", "早退", "未点名", "出勤率");
      assertThat(row(classes, 2, 7)).containsExactly("三年级1班", 14L, 4L, 1L, 1L, 0L, 9L);
      assertThat((Double) cell(classes, 2, 7)).isCloseTo(4.0 / 14, within(1e-9));
      assertThat(row(classes, 3, 7)).containsExactly("三年级2班", 5L, 2L, 0L, 0L, 1L, 3L);
      assertThat(row(classes, 4, 7)).containsExactly("合计", 19L, 6L, 1L, 1L, 1L, 12L);
      assertThat(classes.getRow(2).getCell(7).getCellStyle().getDataFormatString()).isEqualTo("0.0%");

      XSSFSheet days = book.getSheet("按日");
      assertThat(row(days, 1, 4)).containsExactly("日期", "星期", "服务场次", "应到");
      assertThat(row(days, 2, 10)).containsExactly("2026年10月12日", "一", 1L, 3L, 2L, 1L, 1L, 1L, 0L, 2.0 / 3);
      assertThat(row(days, 3, 9)).containsExactly("2026年10月13日", "二", 1L, 4L, 4L, 0L, 0L, 0L, 0L);
      assertThat(row(days, 4, 10)).containsExactly("2026年10月14日", "三", 1L, 4L, 0L, 0L, 0L, 0L, 4L, 0.0);
      assertThat(days.getLastRowNum()).as("five service days and the total").isEqualTo(7);
      assertThat(row(days, 7, 3)).containsExactly("合计", null, 5L);

      XSSFSheet children = book.getSheet("按学生");
      assertThat(row(children, 2, 9)).containsExactly("三年级1班", "王小明", 5L, 2L, 0L, 0L, 0L, 3L, 0.4);
      assertThat(row(children, 4, 8)).containsExactly("三年级1班", "韩梅梅", 4L, 1L, 0L, 1L, 0L, 3L);
      assertThat(row(children, 5, 8)).containsExactly("三年级2班", "张伟", 5L, 2L, 0L, 0L, 1L, 3L);
    }
  }

  @Test
  void aClassesMonthHasNoSchoolSheetAndOnlyItsChildren() throws Exception {
    PeriodReport october = AttendanceRecords.summarise(
        records.days(school.schoolId, MONDAY.withDayOfMonth(1), MONDAY.withDayOfMonth(31)),
        MONDAY.withDayOfMonth(1), MONDAY.withDayOfMonth(31), classOne, "三年级1班");

    try (XSSFWorkbook book = open(out -> workbook.month("测试小学", october, out))) {
      assertThat(book.getNumberOfSheets()).isEqualTo(2);
      XSSFSheet days = book.getSheet("按日");
      assertThat(cell(days, 0, 0)).isEqualTo("测试小学 三年级1班 2026年10月 出勤月汇总");
      assertThat(cell(days, 2, 0)).isEqualTo("2026年10月1日");
      XSSFSheet children = book.getSheet("按学生");
      assertThat(children.getLastRowNum()).as("three children and the total").isEqualTo(5);
      // 22 weekdays in October 2026, 韩梅梅 on leave one of them.
      assertThat(row(children, 4, 5)).containsExactly("三年级1班", "韩梅梅", 21L, 1L, 0L);
      assertThat(row(children, 5, 4)).containsExactly("合计", null, 65L, 4L);
    }
  }
}
