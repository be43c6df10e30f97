package org.kehou.admin.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kehou.admin.LifecycleApiTest;
import org.kehou.core.staff.StaffRole;
import org.springframework.http.ResponseEntity;

class SessionApiTests extends LifecycleApiTest {

  /** A Tuesday a week or two ahead, inside SchoolFixture's term. */
  static final LocalDate TUESDAY = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(7)
      .with(TemporalAdjusters.nextOrSame(DayOfWeek.TUESDAY));

  long calligraphy;
  Family ownPupil;
  Family otherPupil;

  /**
   * 围棋 (SchoolFixture's, no teacher) seats a pupil of each class; 书法, taught by the class teacher of 三年级1班,
   * seats a pupil of 三年级2班.
   */
  @BeforeEach
  void twoSessions() {
    jdbc.update("INSERT INTO offering (school_id, term_id, name, kind, weekdays, grades, capacity, starts_at, ends_at, "
        + "teacher_id) VALUES (?, ?, '书法', 'CLUB', 31, 63, 20, '15:30', '17:30', ?)", school.schoolId, school.termId,
        teacher.id());
    calligraphy = jdbc.queryForObject("SELECT id FROM offering WHERE term_id = ? AND name = '书法'", Long.class,
        school.termId);
    ownPupil = enrolled(apply(ownClass, "王小明", "NONE"));
    otherPupil = enrolled(apply(otherClass, "李雷", "NONE"));
    long student = school.student(otherClass, "韩梅梅", "NONE");
    long guardian = school.guardian("韩妈妈", student, "母亲");
    activate(school.application(student, guardian, "SEATED", calligraphy));
  }

  Family enrolled(Family family) {
    activate(family.application());
    return family;
  }

  void activate(long application) {
    jdbc.update("UPDATE application SET state = 'ACTIVE', active_from = ? WHERE id = ?", TUESDAY.minusDays(1),
        application);
  }

  @Test
  void theAdminSeesEverySessionWithItsTimesTeacherAndRoster() {
    ResponseEntity<Map> response = get("/api/v1/sessions?date=" + TUESDAY, admin);

    assertThat(response.getStatusCode().value()).isEqualTo(200);
    assertThat(response.getBody()).containsEntry("service", true).containsEntry("runsAs", "TUE");
    assertThat(rosters(response)).containsExactlyInAnyOrder(
        Map.entry("围棋", List.of("王小明/三年级1班", "李雷/三年级2班")),
        Map.entry("书法", List.of("韩梅梅/三年级2班")));
    Map<String, Object> session = sessions(response).stream().filter(s -> s.get("offering").equals("书法")).findFirst()
        .orElseThrow();
    assertThat(session).containsEntry("teacherId", ((Number) teacher.id()).intValue())
        .containsEntry("startsAt", "15:30:00").containsEntry("endsAt", "17:30:00");
  }

  @Test
  void classTeacherSeesOnlyOwnSessions() {
    assertThat(rosters(get("/api/v1/sessions?date=" + TUESDAY, teacherToken))).as("own class; the session taught")
        .containsExactlyInAnyOrder(Map.entry("围棋", List.of("王小明/三年级1班")),
            Map.entry("书法", List.of("韩梅梅/三年级2班")));
    assertThat(rosters(get("/api/v1/sessions?date=" + TUESDAY, otherTeacherToken))).containsExactlyInAnyOrder(
        Map.entry("围棋", List.of("李雷/三年级2班")), Map.entry("书法", List.of("韩梅梅/三年级2班")));
    assertThat(sessions(get("/api/v1/sessions?date=" + TUESDAY,
        login(newStaff(school.schoolId, StaffRole.DUTY_TEACHER))))).as("neither a class nor a session").isEmpty();
  }

  @Test
  void aHolidayHasNoSessions() {
    post("/api/v1/terms/" + school.termId + "/calendar", admin,
        Map.of("date", TUESDAY.toString(), "kind", "HOLIDAY", "note", "元旦"));

    ResponseEntity<Map> response = get("/api/v1/sessions?date=" + TUESDAY, admin);

    assertThat(response.getBody()).containsEntry("service", false).containsEntry("calendarKind", "HOLIDAY")
        .containsEntry("note", "元旦");
    assertThat(sessions(response)).isEmpty();
  }

  private static List<Map<String, Object>> sessions(ResponseEntity<Map> response) {
    return (List<Map<String, Object>>) response.getBody().get("sessions");
  }

  /** Offering to its children as "name/class", in the order listed. */
  private static List<Map.Entry<String, List<String>>> rosters(ResponseEntity<Map> response) {
    return sessions(response).stream().map(s -> Map.entry((String) s.get("offering"),
        ((List<Map<String, Object>>) s.get("children")).stream().map(c -> c.get("name") + "/" + c.get("className"))
            .collect(Collectors.toList()))).toList();
  }
}
