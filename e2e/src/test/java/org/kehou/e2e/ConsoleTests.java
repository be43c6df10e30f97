package org.kehou.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;

/**
 * The staff console as the school's staff use it: the packaged admin API runs as a real process and serves the console
 * at /console/; headless Chromium logs in and works through the office pages, which call the real API.
 */
class ConsoleTests {

  private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);
  private static final String SCHOOL_CODE = "console-e2e-" + SUFFIX;
  private static final String ADMIN = "admin-" + SUFFIX;
  private static final String ADMIN_PASSWORD = "demo-admin";
  private static final String HEADER = "年级,班级,学号,学生姓名,优先类别,家长姓名,家长手机,关系\n";

  private static AppProcess adminApi;
  private static Console console;
  private static AdminApi api;
  private static DemoSchool school;

  @BeforeAll
  static void startTheAdminApi() throws IOException {
    adminApi = TestSystem.adminApiFor(SCHOOL_CODE, ADMIN, ADMIN_PASSWORD);
    api = new AdminApi(adminApi.base());
    api.logIn(ADMIN, ADMIN_PASSWORD);
    school = DemoSchool.seed(api, SUFFIX);
    console = Console.open(adminApi.base());
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
  void theAdminImportsARosterSeeingEachBadRowThenAGoodOne() throws IOException {
    console.logIn(ADMIN, ADMIN_PASSWORD);
    console.go("/roster");
    Path bad = csv("roster-bad.csv", HEADER + "六年级,9班,20269901,林小雨,无,林大海,1380000,父亲\n");
    console.upload("[data-test=roster-file]", bad);
    console.click("[data-test=roster-preview]");

    String errors = console.await("[data-test=roster-errors]", "家长手机");
    assertThat(errors).contains("2", "家长手机", "手机号格式不正确");
    assertThat(console.text(".problem")).contains("名单有 1 处错误");

    Path good = csv("roster-good.csv", HEADER + "六年级,9班,20269901,林小雨,无,林大海,13800009901,父亲\n");
    console.upload("[data-test=roster-file]", good);
    console.click("[data-test=roster-preview]");
    console.await("[data-test=roster-summary]", "预览");
    assertThat(console.text("[data-test=roster-summary] [data-count=studentsCreated]")).isEqualTo("1");
    assertThat(console.text("[data-test=roster-summary] [data-count=classesCreated]")).isEqualTo("1");
    assertThat(JsonPath.<List<String>>read(api.get("/classes"), "$[*].name")).doesNotContain("六年级9班");

    console.click("[data-test=roster-import]");
    assertThat(console.confirm()).contains("确认");
    console.await("[data-test=roster-result]", "已导入");
    assertThat(JsonPath.<List<String>>read(api.get("/classes"), "$[*].name")).contains("六年级9班");
  }

  @Test
  void theAdminApprovesTheClassApprovedApplicationsInBulk() throws SQLException, IOException {
    List<Long> ids = applicationsOfTheClass();
    AdminApi teacher = new AdminApi(adminApi.base());
    teacher.logIn(school.teacher(), school.teacherPassword());
    for (long id : ids) {
      teacher.post("/applications/" + id + "/class-review", "{\"decision\":\"APPROVE\"}");
    }

    console.logIn(ADMIN, ADMIN_PASSWORD);
    console.go("/applications");
    console.click("[data-test=filter-state]");
    console.choose("待学校复核");
    console.await("[data-test=applications]", "待学校复核");
    assertThat(console.browser.findElements(By.cssSelector("[data-test=applications] tbody tr")))
        .hasSize(ids.size());
    console.click("[data-test=applications] .el-table__header .el-checkbox");
    console.await(".page-header", "已选 " + ids.size() + " 项");
    console.click("[data-test=bulk-approve]");
    assertThat(console.confirm()).contains("通过 " + ids.size() + " 项申请");

    assertThat(console.await("[data-test=bulk-result]", "成功")).contains("成功 " + ids.size() + " 项，未完成 0 项");
    for (long id : ids) {
      assertThat(JsonPath.<List<String>>read(api.get("/applications"), "$[?(@.id == " + id + ")].state"))
          .containsExactly("IN_PUBLICITY");
    }
    console.click(".el-dialog__footer .el-button--primary");
    console.go("/publicity");
    console.await("[data-test=publicity]", school.className());
    console.go("/applications");
    console.await("[data-test=applications]", "公示中");
    screenshot();
  }

  @Test
  void aClassTeacherIsRefusedAnotherClassInTheApisOwnWords() {
    List<Integer> others = JsonPath.read(api.get("/classes"), "$[?(@.name != '" + school.className() + "')].id");
    long other = others.get(0);
    AdminApi teacher = new AdminApi(adminApi.base());
    teacher.logIn(school.teacher(), school.teacherPassword());
    String refusal = teacher.refusal("/classes/" + other + "/students");

    console.logIn(school.teacher(), school.teacherPassword());
    console.go("/classes");
    console.await("[data-test=classes]", school.className());
    assertThat(console.text("[data-test=classes]")).doesNotContain("二年级");
    console.go("/classes/" + other);
    assertThat(console.await(".problem", refusal)).isEqualTo(refusal);
    assertThat(refusal).doesNotContain("403", "Forbidden", "NOT_YOURS");
    assertThat(console.browser.findElements(By.cssSelector("[data-menu=roster]"))).isEmpty();
  }

  @Test
  void aNoticeToParentsSaysHowManyFamiliesItReachesBeforeItIsSent() {
    List<Integer> classIds = JsonPath.read(api.get("/classes"), "$[?(@.name == '" + school.className() + "')].id");
    String draft = "{\"audience\":\"CLASS\",\"audienceId\":" + classIds.get(0)
        + ",\"title\":\"秋游通知\",\"body\":\"周五秋游，请穿运动鞋。\"}";
    int families = JsonPath.read(api.post("/parent-notices/preview", draft), "$.families");

    console.logIn(ADMIN, ADMIN_PASSWORD);
    console.go("/notices");
    console.click("[data-test=notice-new]");
    console.click("[data-test=notice-target]");
    console.choose(school.className());
    console.type("[data-test=notice-title]", "秋游通知");
    console.type("[data-test=notice-body]", "周五秋游，请穿运动鞋。");
    console.click("[data-test=notice-preview-button]");

    assertThat(console.await("[data-test=notice-preview]", "将通知")).contains("将通知 " + families + " 位家长");
    assertThat(console.await("[data-test=notice-send]", "将通知 " + families + " 位家长")).isNotBlank();
    console.click("[data-test=notice-send]");
    assertThat(console.await("[data-test=notices]", "秋游通知")).contains(school.className());
    assertThat(JsonPath.<List<String>>read(api.get("/parent-notices"), "$[*].notice.title")).contains("秋游通知");
  }

  @Test
  void theSlipsOfAClassShowEveryGuardianNotBoundWithTheirCode() {
    String sheet = api.get("/binding-codes?class=" + java.net.URLEncoder.encode(school.className(),
        StandardCharsets.UTF_8));
    List<String> codes = sheet.lines().skip(1).map(line -> line.substring(line.lastIndexOf(',') + 1))
        .filter(code -> !code.equals("已绑定")).toList();

    console.logIn(ADMIN, ADMIN_PASSWORD);
    console.go("/slips");
    String slips = console.await("[data-test=slips]", codes.get(0));
    assertThat(slips).contains(codes);
    assertThat(console.browser.findElements(By.cssSelector("[data-test=slips] .slip"))).hasSize(codes.size());
  }

  /** Three pupils of the seeded class apply for 作业辅导, as parents would in WeChat (hence plain SQL, as ./demo). */
  private static List<Long> applicationsOfTheClass() throws SQLException {
    try (Connection db = TestSystem.db()) {
      String pupils = "SELECT st.id FROM student st JOIN school sc ON sc.id = st.school_id "
          + "WHERE sc.code = ? AND st.student_no IN ('20260103', '20260104', '20260105')";
      run(db, "INSERT INTO application (school_id, term_id, student_id, applicant_guardian_id, state, live) "
          + "SELECT s.school_id, o.term_id, s.id, MIN(sg.guardian_id), 'SUBMITTED', 1 FROM student s "
          + "JOIN student_guardian sg ON sg.student_id = s.id "
          + "JOIN offering o ON o.school_id = s.school_id AND o.name = '作业辅导' "
          + "WHERE s.id IN (" + pupils + ") GROUP BY s.id, s.school_id, o.term_id");
      run(db, "INSERT INTO application_choice (application_id, offering_id, status) SELECT a.id, o.id, 'SEATED' "
          + "FROM application a JOIN offering o ON o.term_id = a.term_id AND o.name = '作业辅导' "
          + "WHERE a.student_id IN (" + pupils + ")");
      run(db, "INSERT INTO application_history (application_id, from_state, to_state, actor_kind, actor_id) "
          + "SELECT a.id, NULL, 'SUBMITTED', 'GUARDIAN', a.applicant_guardian_id FROM application a "
          + "WHERE a.student_id IN (" + pupils + ")");
    }
    List<Integer> ids = JsonPath.read(api.get("/applications?state=SUBMITTED"),
        "$[?(@.studentNo in ['20260103', '20260104', '20260105'])].id");
    assertThat(ids).hasSize(3);
    return ids.stream().map(Integer::longValue).toList();
  }

  private static void run(Connection db, String sql) throws SQLException {
    try (PreparedStatement statement = db.prepareStatement(sql)) {
      for (int i = 1; i <= statement.getParameterMetaData().getParameterCount(); i++) {
        statement.setString(i, SCHOOL_CODE);
      }
      statement.executeUpdate();
    }
  }

  private static Path csv(String name, String text) throws IOException {
    Path file = Path.of("target", name);
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  /** The applications after the bulk approval: the README's picture of the console. */
  private static void screenshot() throws IOException {
    Path shot = Path.of("target", "console-screenshot.png");
    Files.copy(((TakesScreenshot) console.browser).getScreenshotAs(OutputType.FILE).toPath(), shot,
        StandardCopyOption.REPLACE_EXISTING);
    assertThat(Files.size(shot)).isGreaterThan(10_000);
    Path docs = Path.of("..", "docs");
    if (Boolean.getBoolean("kehou.e2e.refreshScreenshot") && Files.isDirectory(docs)) {
      Files.copy(shot, docs.resolve("console-screenshot.png"), StandardCopyOption.REPLACE_EXISTING);
    }
  }

}
