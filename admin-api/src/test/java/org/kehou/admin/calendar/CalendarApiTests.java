package org.kehou.admin.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kehou.admin.LifecycleApiTest;
import org.kehou.core.staff.StaffRole;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

class CalendarApiTests extends LifecycleApiTest {

  static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
  /** Days a week or two ahead, inside SchoolFixture's term (30 days ago to 120 days ahead). */
  static final LocalDate MONDAY = TODAY.plusDays(7).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
  static final LocalDate TUESDAY = MONDAY.plusDays(1);
  static final LocalDate WEDNESDAY = MONDAY.plusDays(2);
  static final LocalDate SATURDAY = MONDAY.plusDays(5);

  String calendar() {
    return "/api/v1/terms/" + school.termId + "/calendar";
  }

  @Test
  void csvImportReportsBadRowAndColumnAndWritesNothing() {
    String csv = "日期,类型,按星期几上课,备注\n"
        + MONDAY + ",节假日,,中秋节\n"
        + SATURDAY + ",调休上课,,中秋调休\n"
        + "2026/13/40,节假日,,\n"
        + TUESDAY + ",放风筝,,\n"
        + WEDNESDAY + ",停课,,\n"
        + TODAY.plusDays(400) + ",放假,,\n"
        + MONDAY + ",放假,,\n"
        + SATURDAY.plusDays(1) + ",调休上课,星期六,\n";

    ResponseEntity<Map> response = importCsv(admin, csv, false);

    assertThat(response.getStatusCode().value()).isEqualTo(422);
    assertThat(response.getBody()).containsEntry("code", "CALENDAR_REJECTED");
    List<Map<String, Object>> errors = (List<Map<String, Object>>) response.getBody().get("errors");
    assertThat(errors).extracting(e -> e.get("line") + "/" + e.get("column") + "/" + e.get("code")).containsExactly(
        "3/按星期几上课/RUNS_AS_REQUIRED",
        "4/日期/BAD_DATE",
        "5/类型/UNKNOWN_KIND",
        "6/备注/NOTE_REQUIRED",
        "7/日期/OUTSIDE_TERM",
        "8/日期/DUPLICATE_DATE",
        "9/按星期几上课/BAD_WEEKDAY");
    assertThat(errors).allSatisfy(e -> assertThat((String) e.get("reason")).isNotBlank());
    assertThat((String) response.getBody().get("detail")).contains("7");
    assertThat(entriesInDatabase()).as("nothing written, not even the good first row").isZero();
  }

  @Test
  void aCalendarFileInEnglishOrChineseImportsOnceAndItsPreviewKeepsNothing() {
    String english = "date,kind,runs_as,note\n"
        + MONDAY + ",HOLIDAY,,Mid-Autumn Festival\n"
        + SATURDAY + ",workday,MON,\n"
        + WEDNESDAY + ",cancelled,,全校运动会\n";

    ResponseEntity<Map> preview = importCsv(admin, english, true);
    assertThat(preview.getStatusCode().value()).isEqualTo(200);
    assertThat(preview.getBody()).containsEntry("created", 3).containsEntry("preview", true);
    assertThat(entriesInDatabase()).isZero();

    assertThat(importCsv(admin, english, false).getBody()).containsEntry("created", 3)
        .containsEntry("preview", false);
    String chinese = "日期,类型,按星期几上课,备注\n"
        + MONDAY.getYear() + "年" + MONDAY.getMonthValue() + "月" + MONDAY.getDayOfMonth() + "日,节假日,,Mid-Autumn Festival\n"
        + SATURDAY.toString().replace('-', '/') + ",调休上课,星期一,\n"
        + WEDNESDAY + ",停课,,全校运动会（改期）\n";
    assertThat(importMultipart(admin, chinese).getBody()).containsEntry("created", 0).containsEntry("unchanged", 2)
        .containsEntry("changed", 1);

    List<Map<String, Object>> entries = getList(calendar(), admin).getBody();
    assertThat(entries).extracting(e -> e.get("date") + "/" + e.get("kind") + "/" + e.get("runsAs"))
        .containsExactly(MONDAY + "/HOLIDAY/null", WEDNESDAY + "/CANCELLED/null", SATURDAY + "/WORKDAY/MON");
    assertThat(entries.get(1)).containsEntry("note", "全校运动会（改期）");
  }

  @Test
  void classTeachersReadTheCalendarOnlyTheAdminChangesIt() {
    Map<String, Object> holiday = Map.of("date", MONDAY.toString(), "kind", "HOLIDAY", "note", "中秋节");

    assertThat(post(calendar(), teacherToken, holiday).getStatusCode().value()).isEqualTo(403);
    ResponseEntity<Map> added = post(calendar(), admin, holiday);
    assertThat(added.getStatusCode().value()).isEqualTo(201);
    long id = ((Number) added.getBody().get("id")).longValue();
    assertThat(getList(calendar() + "?from=" + MONDAY + "&to=" + MONDAY, teacherToken).getBody())
        .extracting(e -> ((Map<?, ?>) e).get("kind")).containsExactly("HOLIDAY");

    ResponseEntity<Map> taken = post(calendar(), admin, Map.of("date", MONDAY.toString(), "kind", "BREAK"));
    assertThat(taken.getStatusCode().value()).isEqualTo(409);
    assertThat(taken.getBody()).containsEntry("code", "CALENDAR_DAY_TAKEN");

    Map<String, Object> swapped = new HashMap<>(Map.of("date", SATURDAY.toString(), "kind", "WORKDAY"));
    ResponseEntity<Map> noWeekday = post(calendar(), admin, swapped);
    assertThat(noWeekday.getStatusCode().value()).isEqualTo(400);
    assertThat(noWeekday.getBody()).containsEntry("code", "RUNS_AS_REQUIRED").containsEntry("field", "runsAs");
    ResponseEntity<Map> outside = post(calendar(), admin,
        Map.of("date", TODAY.plusDays(400).toString(), "kind", "BREAK"));
    assertThat(outside.getBody()).containsEntry("code", "OUTSIDE_TERM");
    assertThat((String) outside.getBody().get("detail")).contains(TODAY.minusDays(30).toString());

    ResponseEntity<Map> changed = call(HttpMethod.PUT, calendar() + "/" + id, admin,
        Map.of("date", MONDAY.toString(), "kind", "BREAK", "note", "秋假"), Map.class);
    assertThat(changed.getStatusCode().value()).isEqualTo(200);
    assertThat(changed.getBody()).containsEntry("kind", "BREAK");
    long changedId = ((Number) changed.getBody().get("id")).longValue();
    assertThat(call(HttpMethod.DELETE, calendar() + "/" + changedId, teacherToken, null, Map.class)
        .getStatusCode().value()).isEqualTo(403);
    assertThat(call(HttpMethod.DELETE, calendar() + "/" + changedId, admin, null, Map.class).getStatusCode().value())
        .isEqualTo(204);
    assertThat(call(HttpMethod.DELETE, calendar() + "/" + changedId, admin, null, Map.class).getBody())
        .containsEntry("code", "CALENDAR_ENTRY_NOT_FOUND");

    String otherSchool = adminToken(newSchool());
    assertThat(get(calendar(), otherSchool).getStatusCode().value()).isEqualTo(404);
    assertThat(post(calendar(), otherSchool, holiday).getBody()).containsEntry("code", "TERM_NOT_FOUND");
  }

  @Test
  void theDaysShowServiceTheTimetableRunAndTheSeasonalEnd() {
    post(calendar(), admin, Map.of("date", MONDAY.toString(), "kind", "HOLIDAY"));
    post(calendar(), admin, Map.of("date", SATURDAY.toString(), "kind", "WORKDAY", "runsAs", "MON"));
    jdbc.update("UPDATE term SET summer_starts_on = ?, summer_ends_on = ends_on WHERE id = ?", WEDNESDAY,
        school.termId);

    List<Map<String, Object>> days = getList(calendar() + "/days?from=" + MONDAY + "&to=" + SATURDAY.plusDays(1),
        login(newStaff(school.schoolId, StaffRole.DUTY_TEACHER))).getBody();

    assertThat(days).extracting(d -> d.get("date") + " " + d.get("service") + " " + d.get("runsAs") + " "
        + d.get("endsAt")).containsExactly(
        MONDAY + " false null null",
        TUESDAY + " true TUE 17:30:00",
        WEDNESDAY + " true WED 18:00:00",
        WEDNESDAY.plusDays(1) + " true THU 18:00:00",
        WEDNESDAY.plusDays(2) + " true FRI 18:00:00",
        SATURDAY + " true MON 18:00:00",
        SATURDAY.plusDays(1) + " false null null");
  }

  private long entriesInDatabase() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM calendar_day WHERE term_id = ?", Long.class, school.termId);
  }

  private ResponseEntity<Map> importCsv(String token, String csv, boolean preview) {
    HttpHeaders headers = bearer(token);
    headers.setContentType(MediaType.parseMediaType("text/csv"));
    return http.exchange(calendar() + "/import" + (preview ? "?preview=true" : ""), HttpMethod.POST,
        new HttpEntity<>(csv.getBytes(StandardCharsets.UTF_8), headers), Map.class);
  }

  private ResponseEntity<Map> importMultipart(String token, String csv) {
    HttpHeaders headers = bearer(token);
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("file", new ByteArrayResource(csv.getBytes(java.nio.charset.Charset.forName("GBK"))) {
      @Override
      public String getFilename() {
        return "校历.csv";
      }
    });
    return http.exchange(calendar() + "/import", HttpMethod.POST, new HttpEntity<>(parts, headers), Map.class);
  }
}
