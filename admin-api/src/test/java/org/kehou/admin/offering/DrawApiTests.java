package org.kehou.admin.offering;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kehou.admin.ApiTest;
import org.kehou.core.draw.Draws;
import org.kehou.core.enrolment.EnrolmentService;
import org.kehou.core.staff.Staff;
import org.kehou.core.staff.StaffRole;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

class DrawApiTests extends ApiTest {

  static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

  @Autowired Draws draws;
  @Autowired EnrolmentService enrolment;

  static final String ROSTER = "grade,class,student_no,student_name,priority,guardian_name,guardian_phone,relation\n"
      + "一年级,1班,D1,甲,无,甲母,13800000051,母亲\n"
      + "一年级,1班,D2,乙,留守,乙母,13800000052,母亲\n"
      + "一年级,1班,D3,丙,无,丙母,13800000053,母亲\n"
      + "一年级,1班,D4,丁,无,丁母,13800000054,母亲\n";

  @Test
  void theAdminSeesTheDrawWithItsSeedRuleAndOrderAndAClassTeacherIsRefused() {
    long school = newSchool();
    String admin = adminToken(school);
    long term = term(admin);
    importRoster(admin, ROSTER);
    Staff teacher = newStaff(school, StaffRole.CLASS_TEACHER);
    call(HttpMethod.PUT, "/api/v1/classes/" + classId(school, "一年级1班") + "/class-teacher", admin,
        Map.of("staffId", teacher.id()), Map.class);
    long id = id(post("/api/v1/offerings", admin, atClose(term, "科学社", 2, inAnHour())));
    for (String no : List.of("D1", "D2", "D3", "D4")) {
      apply(school, term, id, no);
    }
    ResponseEntity<Map> before = get("/api/v1/offerings/" + id + "/draw", admin);
    jdbc.update("UPDATE offering SET closes_at = ? WHERE id = ?", now().minusMinutes(1).withNano(0), id);
    assertThat(draws.drawDue()).contains(id);

    ResponseEntity<Map> draw = get("/api/v1/offerings/" + id + "/draw", admin);
    ResponseEntity<Map> byTeacher = get("/api/v1/offerings/" + id + "/draw", login(teacher));
    ResponseEntity<Map> otherSchool = get("/api/v1/offerings/" + id + "/draw", adminToken(newSchool()));

    assertThat(before.getStatusCode().value()).isEqualTo(404);
    assertThat(before.getBody()).containsEntry("code", "DRAW_NOT_FOUND");
    assertThat(draw.getStatusCode().value()).isEqualTo(200);
    assertThat((String) draw.getBody().get("seed")).matches("[0-9a-f]{64}");
    assertThat((String) draw.getBody().get("rule")).contains("SHA-256", "<种子>:<报名编号 applicationId>");
    assertThat(draw.getBody()).containsEntry("entrantCount", 4).containsEntry("seated", 2)
        .containsEntry("freeSeats", 2).containsKey("drawnAt");
    List<Map<String, Object>> entrants = (List<Map<String, Object>>) draw.getBody().get("entrants");
    assertThat(entrants).extracting(e -> e.get("outcome"))
        .containsExactly("SEATED", "SEATED", "WAITLISTED", "WAITLISTED");
    assertThat(entrants.get(0)).containsEntry("child", "乙").containsEntry("reason", "PRIORITY")
        .containsEntry("className", "一年级1班");
    assertThat(entrants.subList(1, 4)).extracting(e -> e.get("reason")).containsOnly("LOTTERY");
    assertThat(entrants.subList(1, 4)).extracting(e -> (String) e.get("lotteryKey")).isSorted();
    assertThat(entrants).extracting(e -> e.get("lotteryRank")).containsExactlyInAnyOrder(1, 2, 3, 4);
    assertThat(byTeacher.getStatusCode().value()).isEqualTo(403);
    assertThat(otherSchool.getStatusCode().value()).isEqualTo(404);
  }

  @Test
  void allocationIsSetOnCreateAndFixedOnceTheDrawRanOrChildrenApplied() {
    long school = newSchool();
    String admin = adminToken(school);
    long term = term(admin);
    importRoster(admin, ROSTER);
    LocalDateTime closing = inAnHour();
    String closes = ISO.format(closing);
    Map<String, Object> noClose = atClose(term, "无截止", 2, null);
    Map<String, Object> firstComeWithClose = OfferingTests.offering(term, "先到先得", 2, null);
    firstComeWithClose.put("closesAt", closes);

    ResponseEntity<Map> missing = post("/api/v1/offerings", admin, noClose);
    ResponseEntity<Map> stray = post("/api/v1/offerings", admin, firstComeWithClose);
    ResponseEntity<Map> created = post("/api/v1/offerings", admin, atClose(term, "科学社", 2, closing));
    long id = id(created);
    String later = ISO.format(closing.plusDays(1));
    ResponseEntity<Map> moved = call(HttpMethod.PUT, "/api/v1/offerings/" + id, admin,
        atClose(term, "科学社", 2, closing.plusDays(1)), Map.class);
    apply(school, term, id, "D1");
    ResponseEntity<Map> switched = call(HttpMethod.PUT, "/api/v1/offerings/" + id, admin,
        OfferingTests.offering(term, "科学社", 2, null), Map.class);
    jdbc.update("UPDATE offering SET closes_at = ? WHERE id = ?", now().minusMinutes(1).withNano(0), id);
    ResponseEntity<Map> reopened = call(HttpMethod.PUT, "/api/v1/offerings/" + id, admin,
        atClose(term, "科学社", 2, inAnHour()), Map.class);
    draws.drawDue();
    String closedAt = (String) ((Map<String, Object>) call(HttpMethod.GET, "/api/v1/offerings?termId=" + term, admin,
        null, List.class).getBody().get(0)).get("closesAt");
    Map<String, Object> sameButBigger = atClose(term, "科学社", 5, null);
    sameButBigger.put("closesAt", closedAt);
    ResponseEntity<Map> movedAfterDraw = call(HttpMethod.PUT, "/api/v1/offerings/" + id, admin,
        atClose(term, "科学社", 2, inAnHour()), Map.class);
    ResponseEntity<Map> raised = call(HttpMethod.PUT, "/api/v1/offerings/" + id, admin, sameButBigger, Map.class);

    assertThat(missing.getStatusCode().value()).isEqualTo(422);
    assertThat(missing.getBody()).containsEntry("code", "CLOSES_AT_REQUIRED");
    assertThat(stray.getStatusCode().value()).isEqualTo(422);
    assertThat(stray.getBody()).containsEntry("code", "CLOSES_AT_WITHOUT_DRAW");
    assertThat(created.getStatusCode().value()).isEqualTo(201);
    assertThat(created.getBody()).containsEntry("allocation", "AT_CLOSE").containsEntry("closesAt", closes)
        .containsEntry("drawnAt", null);
    assertThat(moved.getStatusCode().value()).as("before the draw the close may move").isEqualTo(200);
    assertThat(moved.getBody()).containsEntry("closesAt", later);
    assertThat(switched.getStatusCode().value()).isEqualTo(409);
    assertThat(switched.getBody()).containsEntry("code", "ALLOCATION_LOCKED");
    assertThat(reopened.getStatusCode().value()).as("closed, draw not yet run").isEqualTo(409);
    assertThat(reopened.getBody()).containsEntry("code", "DRAW_DUE");
    assertThat(movedAfterDraw.getStatusCode().value()).isEqualTo(409);
    assertThat(movedAfterDraw.getBody()).containsEntry("code", "DRAW_DONE");
    assertThat((String) movedAfterDraw.getBody().get("detail")).contains("已经摇号");
    assertThat(raised.getStatusCode().value()).as("capacity still changes after the draw").isEqualTo(200);
    assertThat(raised.getBody()).containsEntry("capacity", 5).containsEntry("allocation", "AT_CLOSE");
    assertThat(raised.getBody().get("drawnAt")).isNotNull();
  }

  static LocalDateTime now() {
    return LocalDateTime.now(ZoneId.of("Asia/Shanghai"));
  }

  static LocalDateTime inAnHour() {
    return now().plusHours(1).withNano(0);
  }

  static Map<String, Object> atClose(long term, String name, int capacity, LocalDateTime closesAt) {
    Map<String, Object> body = new HashMap<>(OfferingTests.offering(term, name, capacity, null));
    body.put("allocation", "AT_CLOSE");
    if (closesAt != null) {
      body.put("closesAt", ISO.format(closesAt));
    }
    return body;
  }

  long term(String admin) {
    return id(post("/api/v1/terms", admin,
        Map.of("name", "2026秋", "startsOn", now().toLocalDate().minusDays(1).toString(),
            "endsOn", now().toLocalDate().plusDays(120).toString())));
  }

  static long id(ResponseEntity<Map> created) {
    return ((Number) created.getBody().get("id")).longValue();
  }

  /** Applies through the core, as the bot does: before the close the child enters the draw. */
  void apply(long school, long term, long offering, String studentNo) {
    long student = jdbc.queryForObject("SELECT id FROM student WHERE school_id = ? AND student_no = ?", Long.class,
        school, studentNo);
    long guardian = jdbc.queryForObject("SELECT guardian_id FROM student_guardian WHERE student_id = ?", Long.class,
        student);
    enrolment.submit(school, term, student, 1, guardian, List.of(offering));
  }
}
