package org.kehou.admin.term;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kehou.admin.ApiTest;
import org.kehou.core.staff.StaffRole;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

class TermTests extends ApiTest {

  @Test
  void adminCreatesATermWithTheSchemaDefaultsForAbsentTimesAndFee() {
    long school = newSchool();
    String admin = adminToken(school);

    ResponseEntity<Map> created = post("/api/v1/terms", admin, Map.of("name", "2026秋季学期",
        "startsOn", "2026-09-01", "endsOn", "2027-01-20", "summerStartsOn", "2026-09-01", "summerEndsOn", "2026-09-30"));
    ResponseEntity<Map> again = post("/api/v1/terms", admin, Map.of("name", "2026秋季学期",
        "startsOn", "2026-09-01", "endsOn", "2027-01-20"));
    ResponseEntity<List> listed = call(HttpMethod.GET, "/api/v1/terms", login(newStaff(school, StaffRole.DUTY_TEACHER)),
        null, List.class);

    assertThat(created.getStatusCode().value()).isEqualTo(201);
    assertThat(created.getBody()).containsEntry("sessionStartsAt", "15:30:00").containsEntry("winterEndsAt", "17:30:00")
        .containsEntry("summerEndsAt", "18:00:00").containsEntry("feePerLessonFen", 350).containsEntry("publicityDays", 3);
    assertThat(again.getStatusCode().value()).isEqualTo(409);
    assertThat(listed.getBody()).hasSize(1);
  }

  @Test
  void termEndingBeforeItStartsIsRefusedAndTeachersCannotCreateTerms() {
    long school = newSchool();
    ResponseEntity<Map> backwards = post("/api/v1/terms", adminToken(school),
        Map.of("name", "bad", "startsOn", "2026-09-01", "endsOn", "2026-08-01"));
    ResponseEntity<Map> byTeacher = post("/api/v1/terms", login(newStaff(school, StaffRole.CLASS_TEACHER)),
        Map.of("name", "t", "startsOn", "2026-09-01", "endsOn", "2027-01-20"));

    assertThat(backwards.getStatusCode().value()).isEqualTo(400);
    assertThat(backwards.getBody()).containsEntry("code", "TERM_DATES_INVALID");
    assertThat(byTeacher.getStatusCode().value()).isEqualTo(403);
  }
}
