package org.kehou.admin.rollcall;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kehou.admin.LifecycleApiTest;
import org.kehou.core.testing.SettableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/** 书法 on a Tuesday from 15:30, taught by the class teacher of 三年级1班, with a pupil of each class. */
@Import(SettableClock.Config.class)
class RollCallApiTests extends LifecycleApiTest {

  static final LocalDate TUESDAY = LocalDate.now(SettableClock.BEIJING).plusDays(7)
      .with(TemporalAdjusters.nextOrSame(DayOfWeek.TUESDAY));

  @Autowired SettableClock clock;

  long calligraphy;
  long own;
  long other;

  @BeforeEach
  void aSessionWithAPupilOfEachClass() {
    clock.set(TUESDAY.atTime(15, 40));
    jdbc.update("INSERT INTO offering (school_id, term_id, name, kind, weekdays, grades, capacity, starts_at, ends_at, "
        + "teacher_id) VALUES (?, ?, '书法', 'CLUB', 31, 63, 20, '15:30', '17:30', ?)", school.schoolId, school.termId,
        teacher.id());
    calligraphy = jdbc.queryForObject("SELECT id FROM offering WHERE term_id = ? AND name = '书法'", Long.class,
        school.termId);
    own = pupil(ownClass, "王小明");
    other = pupil(otherClass, "李雷");
  }

  long pupil(long classId, String name) {
    long student = school.student(classId, name, "NONE");
    long guardian = school.guardian(name.charAt(0) + "妈妈", student, "母亲");
    school.bindWeChat(guardian);
    long application = school.application(student, guardian, "SEATED", calligraphy);
    jdbc.update("UPDATE application SET state = 'ACTIVE', active_from = ? WHERE id = ?", TUESDAY.minusDays(1),
        application);
    return student;
  }

  String path() {
    return "/api/v1/sessions/" + calligraphy + "/" + TUESDAY + "/roll-call";
  }

  ResponseEntity<Map> put(String token, Map<String, Object> body) {
    return call(HttpMethod.PUT, path(), token, body, Map.class);
  }

  @Test
  void rollCallMarksAllPresentExceptTwoThroughTheApi() {
    ResponseEntity<Map> saved = put(teacherToken, Map.of("allPresentExcept", List.of(own, other)));

    assertThat(saved.getStatusCode().value()).isEqualTo(200);
    List<Map<String, Object>> children = (List<Map<String, Object>>) get(path(), admin).getBody().get("children");
    assertThat(children).extracting(c -> c.get("name"), c -> c.get("present"))
        .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("王小明", false),
            org.assertj.core.groups.Tuple.tuple("李雷", false));
    assertThat((List<?>) children.get(0).get("history")).hasSize(1);
  }

  @Test
  void rollCallBeforeStartRefused() {
    clock.set(TUESDAY.atTime(15, 0));

    ResponseEntity<Map> refused = put(teacherToken, Map.of("allPresentExcept", List.of()));

    assertThat(refused.getStatusCode().value()).isEqualTo(409);
    assertThat(refused.getBody()).containsEntry("code", "NOT_STARTED");
    assertThat((String) refused.getBody().get("detail")).contains("15:30");
  }

  @Test
  void childrenNotOnTheRosterAreRefusedByName() {
    long stranger = school.student(ownClass, "韩梅梅", "NONE");

    ResponseEntity<Map> refused = put(admin, Map.of("absent", List.of(stranger)));

    assertThat(refused.getStatusCode().value()).isEqualTo(422);
    assertThat(refused.getBody()).containsEntry("code", "NOT_ON_ROSTER")
        .containsEntry("children", List.of(String.valueOf(stranger)));
    assertThat((String) refused.getBody().get("detail")).contains("韩梅梅");
  }

  @Test
  void classTeacherSeesOnlyOwnCases() {
    put(teacherToken, Map.of("absent", List.of(own, other)));

    assertThat(caseChildren(admin)).containsExactlyInAnyOrder("王小明", "李雷");
    assertThat(caseChildren(teacherToken)).as("teaches the session").containsExactlyInAnyOrder("王小明", "李雷");
    assertThat(caseChildren(otherTeacherToken)).as("class teacher of 李雷 only").containsExactly("李雷");
    long ownCase = caseIds(admin).get(caseChildren(admin).indexOf("王小明"));
    assertThat(get("/api/v1/absence-cases/" + ownCase, otherTeacherToken).getStatusCode().value()).isEqualTo(404);
  }

  @Test
  void caseOutcomeClosesIt() {
    put(teacherToken, Map.of("absent", List.of(own)));
    long id = caseIds(admin).get(0);

    ResponseEntity<Map> closed = post("/api/v1/absence-cases/" + id + "/outcome", teacherToken,
        Map.of("outcome", "REACHED_GUARDIAN", "note", "妈妈已接走"));

    assertThat(closed.getStatusCode().value()).isEqualTo(200);
    assertThat((Map<String, Object>) closed.getBody().get("absenceCase")).containsEntry("outcome", "REACHED_GUARDIAN")
        .containsEntry("outcomeNote", "妈妈已接走");
    assertThat((List<Map<String, Object>>) closed.getBody().get("events")).extracting(e -> e.get("kind"))
        .startsWith("OPENED").endsWith("CLOSED");
    assertThat(post("/api/v1/absence-cases/" + id + "/outcome", admin, Map.of("outcome", "CHILD_AT_HOME"))
        .getStatusCode().value()).isEqualTo(409);
  }

  private List<String> caseChildren(String token) {
    return cases(token).stream().map(c -> (String) c.get("studentName")).toList();
  }

  private List<Long> caseIds(String token) {
    return cases(token).stream().map(c -> ((Number) c.get("id")).longValue()).toList();
  }

  private List<Map<String, Object>> cases(String token) {
    ResponseEntity<List> response = getList("/api/v1/absence-cases?date=" + TUESDAY, token);
    assertThat(response.getStatusCode().value()).isEqualTo(200);
    return (List<Map<String, Object>>) response.getBody();
  }
}
