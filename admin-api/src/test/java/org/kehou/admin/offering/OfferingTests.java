package org.kehou.admin.offering;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kehou.admin.ApiTest;
import org.kehou.core.staff.Staff;
import org.kehou.core.staff.StaffRole;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

class OfferingTests extends ApiTest {

  @Test
  void adminCreatesAnOfferingStoredAsBitmasksAndTeachersReadIt() {
    long school = newSchool();
    String admin = adminToken(school);
    long term = term(admin);
    Staff teacher = newStaff(school, StaffRole.CLASS_TEACHER);

    ResponseEntity<Map> created = post("/api/v1/offerings", admin, offering(term, "作业辅导", 30, teacher.id()));
    ResponseEntity<List> listed = call(HttpMethod.GET, "/api/v1/offerings?termId=" + term, login(teacher), null,
        List.class);

    assertThat(created.getStatusCode().value()).isEqualTo(201);
    assertThat(created.getBody()).containsEntry("weekdays", List.of("MON", "WED", "FRI"))
        .containsEntry("grades", List.of(1, 2, 3)).containsEntry("seatsTaken", 0).containsEntry("status", "OPEN")
        .containsEntry("startsAt", "15:30").containsEntry("endsAt", "16:30");
    long id = ((Number) created.getBody().get("id")).longValue();
    assertThat(jdbc.queryForMap("SELECT weekdays, grades FROM offering WHERE id = ?", id))
        .containsEntry("weekdays", 0b10101).containsEntry("grades", 0b111);
    assertThat(listed.getStatusCode().value()).isEqualTo(200);
    assertThat(listed.getBody()).hasSize(1);
  }

  @Test
  void capacityCannotDropBelowTheSeatsAlreadyTaken() {
    long school = newSchool();
    String admin = adminToken(school);
    long term = term(admin);
    importRoster(admin, "grade,class,student_no,student_name,priority,guardian_name,guardian_phone,relation\n"
        + "一年级,1班,K1,甲,无,甲母,13800000031,母亲\n"
        + "一年级,1班,K2,乙,无,乙母,13800000032,母亲\n"
        + "一年级,1班,K3,丙,无,丙母,13800000033,母亲\n");
    long id = ((Number) post("/api/v1/offerings", admin, offering(term, "科学社", 5, null)).getBody().get("id"))
        .longValue();
    seat(school, term, id, "K1", "SEATED");
    seat(school, term, id, "K2", "SEATED");
    seat(school, term, id, "K3", "WAITLISTED");

    ResponseEntity<Map> tooSmall = call(HttpMethod.PUT, "/api/v1/offerings/" + id, admin,
        offering(term, "科学社", 1, null), Map.class);
    ResponseEntity<Map> exact = call(HttpMethod.PUT, "/api/v1/offerings/" + id, admin,
        offering(term, "科学社", 2, null), Map.class);

    assertThat(tooSmall.getStatusCode().value()).isEqualTo(409);
    assertThat(tooSmall.getBody()).containsEntry("code", "CAPACITY_BELOW_SEATS_TAKEN").containsEntry("seatsTaken", 2);
    assertThat((String) tooSmall.getBody().get("detail")).contains("2");
    assertThat(exact.getStatusCode().value()).isEqualTo(200);
    assertThat(exact.getBody()).containsEntry("capacity", 2).containsEntry("seatsTaken", 2);
  }

  @Test
  void raisedCapacityIsOfferedToTheWaitlistAndTheOfferHoldsItsSeat() {
    long school = newSchool();
    String admin = adminToken(school);
    long term = term(admin);
    importRoster(admin, "grade,class,student_no,student_name,priority,guardian_name,guardian_phone,relation\n"
        + "一年级,1班,K1,甲,无,甲母,13800000041,母亲\n"
        + "一年级,1班,K2,乙,无,乙母,13800000042,母亲\n"
        + "一年级,1班,K3,丙,留守,丙母,13800000043,母亲\n");
    long id = ((Number) post("/api/v1/offerings", admin, offering(term, "科学社", 1, null)).getBody().get("id"))
        .longValue();
    seat(school, term, id, "K1", "SEATED");
    seat(school, term, id, "K2", "WAITLISTED");
    seat(school, term, id, "K3", "WAITLISTED");

    ResponseEntity<Map> raised = call(HttpMethod.PUT, "/api/v1/offerings/" + id, admin,
        offering(term, "科学社", 2, null), Map.class);
    ResponseEntity<Map> lowered = call(HttpMethod.PUT, "/api/v1/offerings/" + id, admin,
        offering(term, "科学社", 1, null), Map.class);

    assertThat(raised.getStatusCode().value()).isEqualTo(200);
    assertThat(raised.getBody()).containsEntry("capacity", 2).containsEntry("seatsTaken", 2);
    assertThat(jdbc.queryForList("SELECT s.student_no FROM application_choice c JOIN application a "
        + "ON a.id = c.application_id JOIN student s ON s.id = a.student_id WHERE c.offering_id = ? "
        + "AND c.status = 'OFFERED'", String.class, id)).as("the left-behind child first").containsExactly("K3");
    assertThat(lowered.getStatusCode().value()).isEqualTo(409);
    assertThat(lowered.getBody()).containsEntry("code", "CAPACITY_BELOW_SEATS_TAKEN").containsEntry("seatsTaken", 2);
  }

  @Test
  void closingAnOfferingKeepsItListedAsClosedAndOnlyAdminsWrite() {
    long school = newSchool();
    String admin = adminToken(school);
    long term = term(admin);
    String duty = login(newStaff(school, StaffRole.DUTY_TEACHER));
    long id = ((Number) post("/api/v1/offerings", admin, offering(term, "书法", 10, null)).getBody().get("id"))
        .longValue();

    ResponseEntity<Map> byDuty = post("/api/v1/offerings/" + id + "/close", duty, null);
    ResponseEntity<Map> createByDuty = post("/api/v1/offerings", duty, offering(term, "围棋", 10, null));
    ResponseEntity<Map> closed = post("/api/v1/offerings/" + id + "/close", admin, null);
    ResponseEntity<List> listed = call(HttpMethod.GET, "/api/v1/offerings?termId=" + term, duty, null, List.class);

    assertThat(byDuty.getStatusCode().value()).isEqualTo(403);
    assertThat(createByDuty.getStatusCode().value()).isEqualTo(403);
    assertThat(closed.getStatusCode().value()).isEqualTo(200);
    assertThat(closed.getBody()).containsEntry("status", "CLOSED");
    assertThat((Map<String, Object>) listed.getBody().get(0)).containsEntry("status", "CLOSED");
  }

  @Test
  void badOfferingsAreRefusedWithAReason() {
    long school = newSchool();
    String admin = adminToken(school);
    long term = term(admin);
    post("/api/v1/offerings", admin, offering(term, "作业辅导", 30, null));
    Map<String, Object> backwards = new HashMap<>(offering(term, "反了", 30, null));
    backwards.put("endsAt", "15:00");
    Map<String, Object> saturday = new HashMap<>(offering(term, "周六", 30, null));
    saturday.put("weekdays", List.of("SAT"));
    Map<String, Object> grade7 = new HashMap<>(offering(term, "七年级", 30, null));
    grade7.put("grades", List.of(7));

    assertThat(post("/api/v1/offerings", admin, offering(term, "作业辅导", 30, null)).getBody())
        .containsEntry("code", "OFFERING_NAME_TAKEN");
    assertThat(post("/api/v1/offerings", admin, backwards).getBody()).containsEntry("code", "TIMES_INVALID");
    assertThat(post("/api/v1/offerings", admin, saturday).getStatusCode().value()).isEqualTo(400);
    assertThat(post("/api/v1/offerings", admin, grade7).getStatusCode().value()).isEqualTo(400);
    assertThat(post("/api/v1/offerings", adminToken(newSchool()), offering(term, "别校", 30, null))
        .getStatusCode().value()).isEqualTo(404);
  }

  long term(String admin) {
    ResponseEntity<Map> term = post("/api/v1/terms", admin,
        Map.of("name", "2026秋", "startsOn", "2026-09-01", "endsOn", "2027-01-20"));
    return ((Number) term.getBody().get("id")).longValue();
  }

  static Map<String, Object> offering(long term, String name, int capacity, Long teacherId) {
    Map<String, Object> body = new HashMap<>(Map.of("termId", term, "name", name, "kind", "CLUB",
        "weekdays", List.of("MON", "WED", "FRI"), "grades", List.of(1, 2, 3), "capacity", capacity,
        "room", "201", "startsAt", "15:30", "endsAt", "16:30"));
    if (teacherId != null) {
      body.put("teacherId", teacherId);
    }
    return body;
  }

  void seat(long school, long term, long offering, String studentNo, String status) {
    long student = jdbc.queryForObject("SELECT id FROM student WHERE school_id = ? AND student_no = ?", Long.class,
        school, studentNo);
    long guardian = jdbc.queryForObject("SELECT guardian_id FROM student_guardian WHERE student_id = ?", Long.class,
        student);
    jdbc.update("INSERT INTO application (school_id, term_id, student_id, applicant_guardian_id, state) "
        + "VALUES (?, ?, ?, ?, 'SUBMITTED')", school, term, student, guardian);
    long application = jdbc.queryForObject("SELECT id FROM application WHERE student_id = ? AND term_id = ?",
        Long.class, student, term);
    jdbc.update("INSERT INTO application_choice (application_id, offering_id, status) VALUES (?, ?, ?)",
        application, offering, status);
  }
}
