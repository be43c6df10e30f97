package org.kehou.admin.duty;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kehou.admin.LifecycleApiTest;
import org.kehou.core.staff.Staff;
import org.kehou.core.staff.StaffRole;
import org.kehou.core.testing.SettableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * 作业辅导 every weekday from 15:30 to 17:30 in November 2026, taught by the class teacher of 三年级1班; its pupils
 * have service from Wednesday the 4th to Friday the 6th.
 */
@Import(SettableClock.Config.class)
class DutyApiTests extends LifecycleApiTest {

  static final LocalDate WEDNESDAY = LocalDate.of(2026, 11, 4);

  @Autowired SettableClock clock;

  long homework;

  @BeforeEach
  void aHomeworkSessionInNovember() {
    clock.set(WEDNESDAY.atTime(15, 20));
    jdbc.update("UPDATE term SET starts_on = '2026-09-01', ends_on = '2027-01-20', summer_starts_on = NULL, "
        + "summer_ends_on = NULL WHERE id = ?", school.termId);
    jdbc.update("INSERT INTO offering (school_id, term_id, name, kind, weekdays, grades, capacity, starts_at, ends_at, "
        + "teacher_id) VALUES (?, ?, '作业辅导', 'HOMEWORK', 31, 63, 100, '15:30', '17:30', ?)", school.schoolId,
        school.termId, teacher.id());
    homework = jdbc.queryForObject("SELECT id FROM offering WHERE term_id = ? AND name = '作业辅导'", Long.class,
        school.termId);
    pupils(3);
  }

  @Test
  void theTeacherSignsInAndOutAndTheAdminGetsTheSubsidySheet() {
    Map<String, Object> rule = rule();
    rule.put("teacherRateFen", 5000);
    rule.put("lessonTenths", 15);
    assertThat(call(HttpMethod.PUT, "/api/v1/terms/" + school.termId + "/duty-rule", admin, rule, Map.class)
        .getStatusCode().value()).isEqualTo(200);
    assertThat(call(HttpMethod.PUT, "/api/v1/staff/" + teacher.id() + "/real-name", admin,
        Map.of("realName", "王丽华"), Void.class).getStatusCode().value()).isEqualTo(204);

    ResponseEntity<Map> in = post(session() + "/sign-in", teacherToken, null);
    clock.set(WEDNESDAY.atTime(17, 35));
    ResponseEntity<Map> out = post(session() + "/sign-out", teacherToken, null);
    clock.set(WEDNESDAY.plusDays(1).atTime(15, 31));
    post("/api/v1/sessions/" + homework + "/" + WEDNESDAY.plusDays(1) + "/sign-in", teacherToken, null);

    assertThat(in.getStatusCode().value()).isEqualTo(200);
    assertThat(in.getBody()).containsEntry("signInChannel", "CONSOLE").containsEntry("lateSignIn", false);
    assertThat(out.getBody()).containsEntry("earlySignOut", false);
    clock.set(LocalDate.of(2026, 12, 2).atTime(9, 0));
    Map<String, Object> sheet = get("/api/v1/subsidies?month=2026-11", admin).getBody();
    assertThat(sheet).containsEntry("totalFen", 7500);
    Map<String, Object> row = ((List<Map<String, Object>>) sheet.get("rows")).get(0);
    assertThat(row).containsEntry("realName", "王丽华").containsEntry("sessions", 1).containsEntry("lessonTenths", 15)
        .containsEntry("rateFen", 5000).containsEntry("amountFen", 7500);
    assertThat((List<Map<String, Object>>) row.get("forfeited")).extracting(f -> f.get("date"), f -> f.get("reason"))
        .containsExactly(org.assertj.core.groups.Tuple.tuple("2026-11-05", "NO_SIGN_OUT"),
            org.assertj.core.groups.Tuple.tuple("2026-11-06", "NO_SIGN_IN"));
    String csv = new String(call(HttpMethod.GET, "/api/v1/subsidies?month=2026-11&format=csv", admin, null,
        byte[].class).getBody(), StandardCharsets.UTF_8);
    assertThat(csv).startsWith("\uFEFF姓名,岗位,服务次数,课时,每课时(元),金额(元)")
        .contains("王丽华,教师,1,1.5,50.00,75.00,2026-11-05 作业辅导 未签退；2026-11-06 作业辅导 未签到")
        .contains("合计,,,,,75.00");
  }

  @Test
  void theAdminClosesAMonthThatIsOverAndItsSheetNoLongerFollowsTheRule() {
    post(session() + "/sign-in", teacherToken, null);
    clock.set(WEDNESDAY.atTime(17, 35));
    post(session() + "/sign-out", teacherToken, null);

    ResponseEntity<Map> early = post("/api/v1/subsidies/2026-11/close", admin, null);
    clock.set(LocalDate.of(2026, 12, 1).atTime(8, 0));
    ResponseEntity<Map> closed = post("/api/v1/subsidies/2026-11/close", admin, null);
    Map<String, Object> rule = rule();
    rule.put("teacherRateFen", 9000);
    call(HttpMethod.PUT, "/api/v1/terms/" + school.termId + "/duty-rule", admin, rule, Map.class);

    assertThat(early.getStatusCode().value()).isEqualTo(409);
    assertThat(early.getBody()).containsEntry("code", "MONTH_NOT_OVER");
    assertThat(closed.getStatusCode().value()).isEqualTo(200);
    assertThat(closed.getBody()).containsEntry("closedAt", "2026-12-01T08:00:00").containsEntry("totalFen", 3500);
    assertThat(get("/api/v1/subsidies?month=2026-11", admin).getBody()).containsEntry("totalFen", 3500)
        .containsEntry("closedAt", "2026-12-01T08:00:00");
    assertThat(post("/api/v1/subsidies/2026-11/close", teacherToken, null).getStatusCode().value()).isEqualTo(403);
  }

  @Test
  void aTeacherCannotSignAnothersDutyButTheAdminRecordsIt() {
    Staff colleague = newStaff(school.schoolId, StaffRole.DUTY_TEACHER);
    String colleagueToken = login(colleague);

    ResponseEntity<Map> forAnother = post(session() + "/sign-in", colleagueToken, Map.of("staffId", teacher.id()));
    ResponseEntity<Map> notOnDuty = post(session() + "/sign-in", colleagueToken, null);
    ResponseEntity<Map> byAdmin = post(session() + "/sign-in", admin, Map.of("staffId", teacher.id()));

    assertThat(forAnother.getStatusCode().value()).isEqualTo(403);
    assertThat(forAnother.getBody()).containsEntry("code", "NOT_YOURS");
    assertThat(notOnDuty.getBody()).containsEntry("code", "NOT_ON_DUTY");
    assertThat(byAdmin.getStatusCode().value()).isEqualTo(200);
    assertThat(post(session() + "/sign-in", teacherToken, null).getBody()).containsEntry("code", "ALREADY_SIGNED");
    assertThat(call(HttpMethod.GET, session() + "/duties", teacherToken, null, List.class).getBody()).hasSize(1);
    assertThat(get(session() + "/duties", colleagueToken).getStatusCode().value()).isEqualTo(403);
    assertThat(get("/api/v1/subsidies?month=2026-11", teacherToken).getStatusCode().value()).isEqualTo(403);
  }

  @Test
  void planningADutyAnswersWhichSessionsAreStillShort() {
    pupils(28);
    Staff manager = newStaff(school.schoolId, StaffRole.DUTY_TEACHER);

    ResponseEntity<Map> planned = post("/api/v1/offerings/" + homework + "/duties", admin,
        Map.of("staffId", manager.id(), "role", "MANAGER", "date", WEDNESDAY.toString()));

    assertThat(planned.getStatusCode().value()).isEqualTo(201);
    assertThat((Map<String, Object>) planned.getBody().get("assignment")).containsEntry("role", "MANAGER");
    assertThat((List<Map<String, Object>>) planned.getBody().get("shortfalls")).singleElement().satisfies(s -> {
      assertThat(s).containsEntry("pupils", 31).containsEntry("teachers", 1).containsEntry("teachersNeeded", 2);
    });
    List<Map<String, Object>> week = call(HttpMethod.GET, "/api/v1/staffing?from=" + WEDNESDAY + "&to="
        + WEDNESDAY.plusDays(6), admin, null, List.class).getBody();
    assertThat(week).extracting(s -> s.get("date")).containsExactly("2026-11-04", "2026-11-05", "2026-11-06");
    assertThat(get("/api/v1/staffing?from=" + WEDNESDAY + "&to=" + WEDNESDAY, teacherToken).getStatusCode().value())
        .isEqualTo(403);
    assertThat(get("/api/v1/staffing?from=2026-11-01&to=2027-01-20", admin).getStatusCode().value()).isEqualTo(400);
    assertThat(post("/api/v1/offerings/" + homework + "/duties", teacherToken,
        Map.of("staffId", manager.id(), "role", "TEACHER")).getStatusCode().value()).isEqualTo(403);
  }

  @Test
  void aRuleOutOfBoundsIsRefused() {
    Map<String, Object> rule = rule();
    rule.put("pupilsPerTeacher", 0);

    ResponseEntity<Map> refused = call(HttpMethod.PUT, "/api/v1/terms/" + school.termId + "/duty-rule", admin, rule,
        Map.class);

    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(refused.getBody()).containsEntry("code", "INVALID");
    assertThat(get("/api/v1/terms/" + school.termId + "/duty-rule", admin).getBody())
        .containsEntry("pupilsPerTeacher", 30).containsEntry("pupilsPerManager", 90);
  }

  private Map<String, Object> rule() {
    return new HashMap<>(get("/api/v1/terms/" + school.termId + "/duty-rule", admin).getBody());
  }

  private String session() {
    return "/api/v1/sessions/" + homework + "/" + WEDNESDAY;
  }

  private void pupils(int count) {
    for (int i = 0; i < count; i++) {
      Family family = apply(ownClass, "学生" + i, "NONE");
      jdbc.update("DELETE FROM application_choice WHERE application_id = ?", family.application());
      jdbc.update("INSERT INTO application_choice (application_id, offering_id, status) VALUES (?, ?, 'SEATED')",
          family.application(), homework);
      jdbc.update("UPDATE application SET state = 'ACTIVE', active_from = ?, ends_on = ? WHERE id = ?", WEDNESDAY,
          WEDNESDAY.plusDays(3), family.application());
    }
  }
}
