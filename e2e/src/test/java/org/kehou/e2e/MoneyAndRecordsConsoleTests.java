package org.kehou.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The money and records pages of the staff console as the school admin uses them: the term's fee and duty rules, a
 * duty planned on an offering, the subsidy sheet and fee list, and the records downloaded as the files the API gives,
 * opened here from the browser's download folder.
 */
class MoneyAndRecordsConsoleTests {

  private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);
  private static final String SCHOOL_CODE = "money-e2e-" + SUFFIX;
  private static final String ADMIN = "admin-" + SUFFIX;
  private static final String ADMIN_PASSWORD = "demo-admin";

  private static AppProcess adminApi;
  private static Console console;
  private static AdminApi api;
  private static long termId;

  @BeforeAll
  static void startTheAdminApi() throws IOException, SQLException {
    adminApi = TestSystem.adminApiFor(SCHOOL_CODE, ADMIN, ADMIN_PASSWORD);
    api = new AdminApi(adminApi.base());
    api.logIn(ADMIN, ADMIN_PASSWORD);
    DemoSchool.seed(api, SUFFIX);
    List<Integer> terms = JsonPath.read(api.get("/terms"), "$[*].id");
    termId = terms.get(terms.size() - 1);
    enrolSinceLastMonth("20260106", "20260210");
    // A file left by an earlier run would be saved again as "name (1).xlsx" and the old one read instead.
    if (Files.isDirectory(Chromium.DOWNLOADS)) {
      try (var old = Files.list(Chromium.DOWNLOADS)) {
        for (Path file : old.toList()) {
          Files.delete(file);
        }
      }
    }
    console = Console.open(adminApi.base());
    console.logIn(ADMIN, ADMIN_PASSWORD);
  }

  @AfterAll
  static void stopTheAdminApi() {
    if (console != null) {
      console.quit();
    }
    if (adminApi != null) {
      adminApi.stop();
    }
  }

  @Test
  void theAdminSetsTheTermsFeeAndDutyRulesInYuanAndLessonsAndTheApiKeepsFenAndTenths() {
    console.go("/terms");
    console.await("[data-test=fee-rule]", "演示学期");
    console.fill("[data-test=fee-lessons]", "1.5");
    console.fill("[data-test=hardship-percent]", "50");
    console.click("[data-test=save-fee-rule]");
    console.await(".el-message", "已完成");
    console.fill("[data-test=teacher-rate]", "50");
    console.click("[data-test=save-duty-rule]");

    console.waitFor(d -> api.get("/terms/" + termId + "/duty-rule").contains("\"teacherRateFen\":5000") ? true : null);
    assertThat(JsonPath.<Integer>read(api.get("/terms/" + termId + "/fee-rule"), "$.lessonTenths")).isEqualTo(15);
    assertThat(JsonPath.<Integer>read(api.get("/terms/" + termId + "/fee-rule"), "$.hardshipPercent")).isEqualTo(50);
  }

  @Test
  void theAdminPlansATeacherOnEverySessionOfAnOfferingAndTheSubsidySheetAndFeeListOpen() {
    List<Integer> offerings = JsonPath.read(api.get("/offerings"), "$[?(@.name == '作业辅导')].id");
    long offering = offerings.get(0);
    console.go("/offerings");
    console.click("[data-test=duties-" + offering + "]");
    console.click("[data-test=duty-staff]");
    console.choose("王老师");
    console.click("[data-test=duty-assign]");

    assertThat(console.await("[data-test=duty-plan]", "王老师")).contains("每次课");
    assertThat(JsonPath.<List<String>>read(api.get("/offerings/" + offering + "/duties"), "$[*].staffName"))
        .containsExactly("王老师");

    console.go("/pay");
    assertThat(console.text("[data-test=counted-to]")).contains("未定稿", "统计至 ");
    console.go("/fees");
    assertThat(console.text("[data-test=fee-totals]")).contains("学生数");
  }

  @Test
  void theAdminIssuesLastMonthsFeesAfterBeingToldParentsWillBeNotifiedAndAHardshipPupilIsExempt() {
    String month = LocalDate.now().minusMonths(1).toString().substring(0, 7);
    api.put("/terms/" + termId + "/fee-rule", "{\"lessonTenths\":10,\"hardshipPercent\":100}");
    console.go("/fees");
    console.await("[data-test=fee-totals]", "学生数");
    console.click("[data-test=issue-fees]");
    assertThat(console.confirm()).contains("出具 " + month + " 的账单", "家长都会收到");

    String rows = console.await("[data-test=fees]", "高俊熙");
    List<Map<String, Object>> statements = JsonPath.read(api.get("/fees?month=" + month), "$.statements[*].statement");
    assertThat(statements).extracting(s -> s.get("studentName")).containsExactlyInAnyOrder("赵欣怡", "高俊熙");
    for (Map<String, Object> s : statements) {
      assertThat(rows).contains(s.get("studentName") + "", yuan(s.get("amountFen")));
    }
    assertThat(statements).filteredOn(s -> s.get("studentName").equals("高俊熙"))
        .allSatisfy(s -> assertThat(s).containsEntry("amountFen", 0).containsEntry("hardshipPercent", 100));
    assertThat(statements).filteredOn(s -> s.get("studentName").equals("赵欣怡"))
        .allSatisfy(s -> assertThat((Integer) s.get("amountFen")).isPositive());
  }

  @Test
  void theAdminBuildsTheTermArchiveFollowsItAndDownloadsTheZipWithItsIndex() throws IOException {
    console.go("/records");
    console.click("[data-test=build-archive]");
    assertThat(console.await("[data-test=archives]", "已完成")).contains("个");
    List<Integer> builds = JsonPath.read(api.get("/terms/" + termId + "/archives"), "$[*].archiveId");
    console.click("[data-test=download-archive-" + builds.get(0) + "]");

    Path zip = downloaded("学期归档-演示学期-" + builds.get(0) + ".zip");
    List<String> names = new ArrayList<>();
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip), StandardCharsets.UTF_8)) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        names.add(e.getName());
      }
    }
    assertThat(names).contains("索引.csv", "申请与审核/申请与审核记录.xlsx", "委托协议/SHA256SUMS.txt");
  }

  @Test
  void theDaysAttendanceSheetsAndTheSchoolsMonthlySummaryAreSavedUnderTheApisNamesAndOpenAsWorkbooks() throws IOException {
    String day = LocalDate.now().toString();
    console.go("/records");
    console.click("[data-test=download-attendance]");

    assertThat(console.await(".el-message", "出勤表-" + day)).contains("已下载：出勤表-" + day + ".xlsx");
    try (InputStream in = Files.newInputStream(downloaded("出勤表-" + day + ".xlsx"));
        Workbook book = WorkbookFactory.create(in)) {
      assertThat(book.getNumberOfSheets()).isPositive();
    }

    console.click("[data-test=download-monthly]");
    String month = day.substring(0, 7);
    try (InputStream in = Files.newInputStream(downloaded("出勤月汇总-全校-" + month + ".xlsx"));
        Workbook book = WorkbookFactory.create(in)) {
      assertThat(book.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).contains("全校", "出勤月汇总");
    }
  }

  private static String yuan(Object fen) {
    return String.format("%.2f", ((Number) fen).intValue() / 100.0);
  }

  /**
   * The pupils enrolled in 作业辅导 (every weekday) from the first day of last month, as if their applications had run
   * the whole chain (plain SQL, as ./demo seeds its families): last month's fees have sessions to count.
   */
  private static void enrolSinceLastMonth(String... studentNos) throws SQLException {
    LocalDate from = LocalDate.now().minusMonths(1).withDayOfMonth(1);
    try (Connection db = TestSystem.db();
        PreparedStatement apply = db.prepareStatement("INSERT INTO application (school_id, term_id, student_id, "
            + "applicant_guardian_id, state, live, active_from) SELECT s.school_id, o.term_id, s.id, "
            + "MIN(sg.guardian_id), 'ACTIVE', 1, ? FROM student s JOIN school sc ON sc.id = s.school_id "
            + "JOIN student_guardian sg ON sg.student_id = s.id JOIN offering o ON o.school_id = s.school_id "
            + "AND o.name = '作业辅导' WHERE sc.code = ? AND s.student_no = ? GROUP BY s.id, s.school_id, o.term_id");
        PreparedStatement seat = db.prepareStatement("INSERT INTO application_choice (application_id, offering_id, "
            + "status) SELECT a.id, o.id, 'SEATED' FROM application a JOIN student s ON s.id = a.student_id "
            + "JOIN school sc ON sc.id = s.school_id JOIN offering o ON o.school_id = a.school_id "
            + "AND o.name = '作业辅导' WHERE sc.code = ? AND s.student_no = ?")) {
      for (String studentNo : studentNos) {
        apply.setObject(1, from);
        apply.setString(2, SCHOOL_CODE);
        apply.setString(3, studentNo);
        assertThat(apply.executeUpdate()).as("pupil %s enrolled", studentNo).isEqualTo(1);
        seat.setString(1, SCHOOL_CODE);
        seat.setString(2, studentNo);
        seat.executeUpdate();
      }
    }
  }

  /** The file once the browser has finished saving it (Chromium writes a .crdownload until then). */
  private static Path downloaded(String name) {
    Path file = Chromium.DOWNLOADS.resolve(name);
    return console.waitFor(d -> {
      try {
        return Files.isRegularFile(file) && Files.size(file) > 0 ? file : null;
      } catch (IOException e) {
        return null;
      }
    });
  }

}
