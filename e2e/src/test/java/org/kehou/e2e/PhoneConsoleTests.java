package org.kehou.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.minidev.json.JSONValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;

/**
 * The console's phone pages on a 390 px screen, as a duty teacher uses them during a session: the roll call, the
 * absence case it opens, the hand-over at the gate. The packaged admin API runs as a real process; the session is one
 * that runs all day today (00:00 on), taught by the duty teacher, with four pupils of 一年级1班 enrolled.
 */
class PhoneConsoleTests {

  private static final ZoneId SCHOOL_ZONE = ZoneId.of("Asia/Shanghai");
  private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);
  private static final String SCHOOL_CODE = "phone-e2e-" + SUFFIX;
  private static final String ADMIN = "admin-" + SUFFIX;
  private static final String ADMIN_PASSWORD = "demo-admin";
  private static final String DUTY = "duty-" + SUFFIX;
  private static final String DUTY_PASSWORD = "demo-duty-1";
  private static final LocalDate TODAY = LocalDate.now(SCHOOL_ZONE);

  private static AppProcess adminApi;
  private static Console phone;
  private static AdminApi api;
  private static DemoSchool school;
  private static long session;

  @BeforeAll
  static void startTheAdminApiWithASessionRunningNow() throws IOException, SQLException {
    adminApi = TestSystem.adminApiFor(SCHOOL_CODE, ADMIN, ADMIN_PASSWORD);
    api = new AdminApi(adminApi.base());
    api.logIn(ADMIN, ADMIN_PASSWORD);
    school = DemoSchool.seed(api, SUFFIX);
    session = aSessionRunningAllDayToday();
    phone = Console.openPhone(adminApi.base());
  }

  @AfterAll
  static void stopTheAdminApi() {
    if (phone != null) {
      phone.quit();
    }
    if (adminApi != null) {
      adminApi.stop();
    }
  }

  @Test
  void theDutyTeacherTakesTheRollCallOnThePhoneAndTheAbsentChildsCaseAppears() throws IOException, SQLException {
    long absent = student("20260107");
    phone.logIn(DUTY, DUTY_PASSWORD);
    phone.go("/m/sessions");
    phone.click("[data-test=roll-call-" + session + "]");
    phone.await("[data-test=roll-call]", "朱一诺");

    phone.click("[data-test=roll-call] [data-student='" + absent + "']");
    assertThat(phone.await("[data-test=save-roll-call]", "1 人缺勤")).isNotBlank();
    phone.click("[data-test=save-roll-call]");
    // 朱一诺 has one guardian on the roster, 林晓红: the absence alert goes to her.
    assertThat(phone.confirmOnPhone()).contains("朱一诺 缺勤", "将通知 1 位家长");

    assertThat(phone.await("[data-test=cases-opened]", "朱一诺")).contains("缺勤跟进中");
    List<Map<String, Object>> cases = JsonPath.read(api.get("/absence-cases?date=" + TODAY),
        "$[?(@.offeringId == " + session + ")]");
    assertThat(cases).filteredOn(c -> c.get("closedAt") == null).extracting(c -> c.get("studentName"))
        .containsExactly("朱一诺");
    List<Boolean> marks = JsonPath.read(api.get("/sessions/" + session + "/" + TODAY + "/roll-call"),
        "$.children[?(@.studentId == " + absent + ")].present");
    assertThat(marks).containsExactly(false);
    screenshot("console-phone-screenshot.png");

    // The duty teacher is shown the guardian's number masked, as the API gives it to them: nothing to call.
    phone.click("[data-test=tab-absences]");
    phone.click("[data-test=absences] [data-case] .van-collapse-item__title");
    // Awaited on its last line: while the item slides open, the lines below its edge read as absent.
    assertThat(phone.await("[data-test=guardians]", "请联系班主任")).contains("林晓红（母亲）138****0107");
    assertThat(phone.browser.findElements(By.cssSelector("[data-test=call]"))).isEmpty();

    // The child's class teacher is given the full number: a tel: link, one tap to call.
    phone.logIn(school.teacher(), school.teacherPassword());
    phone.go("/m/absences");
    phone.click("[data-test=absences] [data-case] .van-collapse-item__title");
    phone.await("[data-test=guardians]", "林晓红");
    assertThat(phone.waitFor(d -> d.findElement(By.cssSelector("[data-test=call]"))).getAttribute("href"))
        .isEqualTo("tel:13800000107");
  }

  @Test
  void theDutyTeacherHandsAChildOverAndAnAdultRemovedMeanwhileIsRefusedInTheApisWords() throws SQLException {
    long handedOver = student("20260106");
    long collected = student("20260108");
    api.put("/sessions/" + session + "/" + TODAY + "/roll-call",
        "{\"present\":[" + handedOver + "," + collected + "]}");
    long nanny = addedAdult(collected, "王秀英", "保姆", "13912345678");

    phone.logIn(DUTY, DUTY_PASSWORD);
    phone.go("/m/sessions");
    phone.click("[data-test=departures-" + session + "]");
    phone.click("[data-test=departures] [data-student='" + handedOver + "']");
    phone.await("[data-test=pick-collector]", "赵海军（父亲）");
    phone.click("[data-test=pick-collector] [data-collector^=g]");
    phone.click("[data-test=record-departure]");
    assertThat(phone.confirmOnPhone()).contains("赵欣怡 由 赵海军（父亲） 接走", "将通知 1 位家长");
    assertThat(phone.await("[data-test=gone]", "赵欣怡")).contains("赵海军（父亲）");
    List<String> collector = JsonPath.read(api.get("/sessions/" + session + "/" + TODAY + "/handovers"),
        "$.children[?(@.studentId == " + handedOver + ")].latest.collectorName");
    assertThat(collector).containsExactly("赵海军");

    phone.click("[data-test=departures] [data-student='" + collected + "']");
    phone.await("[data-test=pick-collector]", "王秀英（保姆）");
    // The grandmother removes the nanny in the chat while the teacher has the list open (a guardian's 接送人 删除).
    removeAdult(nanny);
    phone.click("[data-test=pick-collector] [data-collector='a" + nanny + "']");
    phone.click("[data-test=record-departure]");
    assertThat(phone.confirmOnPhone()).contains("王秀英（保姆）");

    String refusal = api.refusalOfPut("/sessions/" + session + "/" + TODAY + "/handovers/" + collected,
        "{\"pickupAdultId\":" + nanny + "}");
    assertThat(phone.await("[data-test=pick-collector] [data-test=refusal]", refusal)).isEqualTo(refusal);
    assertThat(refusal).contains("高雨桐").doesNotContain("NOT_AUTHORISED", "409");
    phone.waitFor(d -> !d.findElement(By.cssSelector("[data-test=pick-collector]")).getText().contains("王秀英"));
    assertThat(phone.text("[data-test=pick-collector]")).contains("林玉兰（奶奶）");
    List<Object> latest = JsonPath.read(api.get("/sessions/" + session + "/" + TODAY + "/handovers"),
        "$.children[?(@.studentId == " + collected + ")].latest");
    assertThat(latest).containsOnlyNulls();
  }

  @Test
  void theDutyTeacherRegistersAnEarlyLeaveWithItsReasonAndTheGuardiansAreToBeTold() throws SQLException {
    long child = student("20260109");
    api.put("/sessions/" + session + "/" + TODAY + "/roll-call", "{\"present\":[" + child + "]}");

    phone.logIn(DUTY, DUTY_PASSWORD);
    phone.go("/m/sessions/" + session + "/departures?mode=early");
    phone.click("[data-test=departures] [data-student='" + child + "']");
    phone.click("[data-test=pick-collector] [data-collector^=g]");
    assertThat(phone.browser.findElement(By.cssSelector("[data-test=record-departure]")).isEnabled())
        .as("no reason yet").isFalse();
    phone.type("[data-test=early-reason]", "看牙医");
    phone.click("[data-test=record-departure]");
    assertThat(phone.confirmOnPhone()).contains("孙浩然 提前离校，由 林春梅（母亲） 接走，原因：看牙医", "将通知 1 位家长");

    assertThat(phone.await("[data-test=gone]", "孙浩然")).contains("提前离校", "林春梅（母亲）");
    List<String> reason = JsonPath.read(api.get("/sessions/" + session + "/" + TODAY + "/handovers"),
        "$.children[?(@.studentId == " + child + ")].latest.reason");
    assertThat(reason).containsExactly("看牙医");
  }

  /**
   * An offering taught by a new duty teacher, running every school day from midnight (so its roll call is open
   * whenever the test runs), with four pupils enrolled; at a weekend, today is made a swapped working day.
   */
  private static long aSessionRunningAllDayToday() throws SQLException {
    Integer duty = JsonPath.read(api.post("/staff", JSONValue.toJSONString(Map.of("username", DUTY,
        "displayName", "赵老师", "password", DUTY_PASSWORD, "role", "DUTY_TEACHER"))), "$.id");
    Integer offering = JsonPath.read(api.post("/offerings", JSONValue.toJSONString(Map.of("termId", termId(),
        "name", "全天看护", "kind", "CLUB", "weekdays", List.of("MON", "TUE", "WED", "THU", "FRI"),
        "grades", List.of(1, 2, 3, 4, 5, 6), "capacity", 30, "room", "一楼大厅", "startsAt", "0:00",
        "endsAt", "23:59", "teacherId", duty))), "$.id");
    if (TODAY.getDayOfWeek() == DayOfWeek.SATURDAY || TODAY.getDayOfWeek() == DayOfWeek.SUNDAY) {
      api.post("/terms/" + termId() + "/calendar", JSONValue.toJSONString(Map.of("date", TODAY.toString(),
          "kind", "WORKDAY", "runsAs", "MON", "note", "调休")));
    }
    try (Connection db = db()) {
      String pupils = "SELECT st.id FROM student st JOIN school sc ON sc.id = st.school_id "
          + "WHERE sc.code = ? AND st.student_no IN ('20260106', '20260107', '20260108', '20260109')";
      run(db, "INSERT INTO application (school_id, term_id, student_id, applicant_guardian_id, state, live, "
          + "active_from) SELECT s.school_id, o.term_id, s.id, MIN(sg.guardian_id), 'ACTIVE', 1, ? FROM student s "
          + "JOIN student_guardian sg ON sg.student_id = s.id JOIN offering o ON o.id = ? "
          + "WHERE s.id IN (" + pupils + ") GROUP BY s.id, s.school_id, o.term_id", TODAY.minusDays(1), offering);
      run(db, "INSERT INTO application_choice (application_id, offering_id, status) SELECT a.id, ?, 'SEATED' "
          + "FROM application a WHERE a.student_id IN (" + pupils + ")", offering);
    }
    return offering;
  }

  private static int termId() {
    List<Integer> ids = JsonPath.read(api.get("/terms"), "$[?(@.name == '演示学期')].id");
    return ids.get(0);
  }

  private static long student(String studentNo) throws SQLException {
    try (Connection db = db(); PreparedStatement query = db.prepareStatement("SELECT st.id FROM student st "
        + "JOIN school sc ON sc.id = st.school_id WHERE sc.code = ? AND st.student_no = ?")) {
      query.setString(1, SCHOOL_CODE);
      query.setString(2, studentNo);
      try (ResultSet row = query.executeQuery()) {
        assertThat(row.next()).as("pupil %s of the seeded roster", studentNo).isTrue();
        return row.getLong(1);
      }
    }
  }

  /** An adult a guardian added in the chat (接送人 添加), as the bot writes it: this test runs no bot. */
  private static long addedAdult(long studentId, String name, String relation, String phoneNumber)
      throws SQLException {
    try (Connection db = db()) {
      run(db, "INSERT INTO pickup_adult (school_id, student_id, name, relation, phone, added_by, added_at) "
          + "SELECT s.school_id, s.id, ?, ?, ?, MIN(sg.guardian_id), NOW(3) FROM student s "
          + "JOIN student_guardian sg ON sg.student_id = s.id WHERE s.id = ? GROUP BY s.id, s.school_id",
          name, relation, phoneNumber, studentId);
      try (PreparedStatement query = db.prepareStatement("SELECT MAX(id) FROM pickup_adult WHERE student_id = ?")) {
        query.setLong(1, studentId);
        try (ResultSet row = query.executeQuery()) {
          row.next();
          return row.getLong(1);
        }
      }
    }
  }

  /** A guardian's 接送人 删除: the row stays, marked removed by the guardian who added it. */
  private static void removeAdult(long adultId) throws SQLException {
    try (Connection db = db()) {
      run(db, "UPDATE pickup_adult SET removed_by = added_by, removed_at = NOW(3), live = NULL WHERE id = ?", adultId);
    }
  }

  /** Runs a statement; a {@code ?} is filled with the given values in order, the school's code where none is left. */
  private static void run(Connection db, String sql, Object... values) throws SQLException {
    try (PreparedStatement statement = db.prepareStatement(sql)) {
      int count = statement.getParameterMetaData().getParameterCount();
      for (int i = 1; i <= count; i++) {
        statement.setObject(i, i <= values.length ? values[i - 1] : SCHOOL_CODE);
      }
      statement.executeUpdate();
    }
  }

  private static Connection db() throws SQLException {
    return TestSystem.db();
  }

  /** The phone page as it is now: the README's picture of the phone pages, refreshed on request only. */
  private static void screenshot(String name) throws IOException {
    Path shot = Path.of("target", name);
    Files.copy(((TakesScreenshot) phone.browser).getScreenshotAs(OutputType.FILE).toPath(), shot,
        StandardCopyOption.REPLACE_EXISTING);
    assertThat(Files.size(shot)).isGreaterThan(10_000);
    Path docs = Path.of("..", "docs");
    if (Boolean.getBoolean("kehou.e2e.refreshScreenshot") && Files.isDirectory(docs)) {
      Files.copy(shot, docs.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
  }

}
