package org.kehou.core.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.YearMonth;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.kehou.core.fee.FeeStatements;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The 2026–2027 report on 3 November 2026: the autumn term from 1 September, served every weekday up to 2 November
 * (22 + 22 + 1 = 45 service days), October's fees issued, one absence case escalated and still open; the homework
 * teacher signed in and out on one Monday only (and on the Tuesday in but not out).
 */
class YearlyReportTests extends RecordsTestSupport {

  @Autowired YearlyReport report;
  @Autowired FeeStatements fees;

  @Test
  void theReportCountsParticipationSessionsAttendanceFeesSubsidiesAndIncidents() throws Exception {
    fees.issue(school.schoolId, YearMonth.of(2026, 10));
    sign(MONDAY, "IN", "15:25");
    sign(MONDAY, "OUT", "16:31");
    sign(MONDAY.plusDays(1), "IN", "15:28");
    jdbc.update("INSERT INTO absence_case (school_id, offering_id, session_date, student_id, opened_at, opened_by, "
        + "escalated_at) VALUES (?, ?, ?, ?, ?, ?, ?)", school.schoolId, homework, MONDAY, lilei,
        MONDAY.atTime(15, 36), teacher, MONDAY.atTime(16, 6));

    try (XSSFWorkbook book = open(out -> report.write(school.schoolId, 2026, out))) {
      XSSFSheet sheet = book.getSheet("年度报告");
      assertThat(cell(sheet, 0, 0)).isEqualTo("测试小学 2026—2027学年课后服务年度报告");
      assertThat(row(sheet, 1, 3)).containsExactly("项目", "2026学年", "全年");
      assertThat(row(sheet, 2, 3)).containsExactly("在籍学生数", 4L, 4L);
      assertThat(row(sheet, 3, 3)).containsExactly("参加课后服务学生数", 4L, 4L);
      assertThat(row(sheet, 4, 3)).containsExactly("参与率", 1.0, 1.0);
      assertThat(row(sheet, 5, 3)).containsExactly("服务天数", 45L, 45L);
      assertThat(row(sheet, 6, 3)).containsExactly("开课场次", 45L, 45L);
      assertThat(row(sheet, 7, 3)).containsExactly("应到人次", 179L, 179L);
      assertThat(row(sheet, 8, 3)).containsExactly("实到人次", 6L, 6L);
      assertThat(row(sheet, 9, 3)).containsExactly("请假人次", 1L, 1L);
      assertThat((Double) cell(sheet, 10, 1)).isCloseTo(6.0 / 179, within(1e-9));
      // October: 22 sessions each at 3.50 yuan, 韩梅梅 one fewer for her leave.
      assertThat(row(sheet, 11, 3)).containsExactly("收费金额（元）", "304.50", "304.50");
      assertThat(row(sheet, 12, 3)).containsExactly("困难学生减免（元）", "0.00", "0.00");
      // One hour paid at the default 35 yuan; the Tuesday without a sign-out and every unsigned day count nothing.
      assertThat(row(sheet, 13, 3)).containsExactly("教师课时补助（元）", "35.00", "35.00");
      assertThat(row(sheet, 14, 3)).containsExactly("缺勤个案数", 1L, 1L);
      assertThat(row(sheet, 15, 3)).containsExactly("其中上报学校", 1L, 1L);
      assertThat(row(sheet, 16, 3)).containsExactly("其中尚未结案", 1L, 1L);
      assertThat((String) cell(sheet, 17, 0)).startsWith("说明：");
    }
  }

  @Test
  void aYearWithoutTermsHasOnlyTheYearColumn() throws Exception {
    try (XSSFWorkbook book = open(out -> report.write(school.schoolId, 2030, out))) {
      XSSFSheet sheet = book.getSheet("年度报告");
      assertThat(row(sheet, 1, 3)).containsExactly("项目", "全年", null);
      assertThat(row(sheet, 6, 2)).containsExactly("开课场次", 0L);
    }
  }

  void sign(java.time.LocalDate day, String kind, String at) {
    jdbc.update("INSERT INTO duty_sign (school_id, offering_id, session_date, staff_id, kind, role, at, channel, "
        + "recorded_by) VALUES (?, ?, ?, ?, ?, 'TEACHER', ?, 'CONSOLE', ?)", school.schoolId, homework, day, teacher,
        kind, day.atTime(java.time.LocalTime.parse(at)), teacher);
  }
}
