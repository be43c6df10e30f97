package org.kehou.admin.leave;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kehou.admin.LifecycleApiTest;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

class LeaveApiTests extends LifecycleApiTest {

  static final LocalDate TUESDAY = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(7)
      .with(TemporalAdjusters.nextOrSame(DayOfWeek.TUESDAY));

  Family ownPupil;
  Family otherPupil;

  @BeforeEach
  void aPupilOfEachClassEnrolled() {
    ownPupil = apply(ownClass, "王小明", "NONE");
    otherPupil = apply(otherClass, "李雷", "NONE");
    for (Family family : List.of(ownPupil, otherPupil)) {
      jdbc.update("UPDATE application SET state = 'ACTIVE', active_from = ? WHERE id = ?", TUESDAY.minusDays(1),
          family.application());
    }
  }

  @Test
  void classTeacherCannotRecordLeaveForAnotherClass() {
    ResponseEntity<Map> refused = post(leavePath(otherPupil), teacherToken,
        Map.of("date", TUESDAY.toString(), "reason", "家长来电"));

    assertThat(refused.getStatusCode().value()).isEqualTo(403);
    assertThat(refused.getBody()).containsEntry("code", "NOT_YOURS");
    assertThat(call(HttpMethod.DELETE, leavePath(otherPupil) + "/" + TUESDAY, teacherToken, null, Map.class)
        .getStatusCode().value()).isEqualTo(403);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM leave_request WHERE student_id = ?", Integer.class,
        otherPupil.student())).isZero();
  }

  @Test
  void classTeacherRecordsOwnPupilsLeaveAndTheAdminCancelsIt() {
    ResponseEntity<Map> recorded = post(leavePath(ownPupil), teacherToken,
        Map.of("date", TUESDAY.toString(), "reason", "家长来电：发烧"));

    assertThat(recorded.getStatusCode().value()).isEqualTo(201);
    assertThat(recorded.getBody()).containsEntry("askedBy", "STAFF").containsEntry("reason", "家长来电：发烧")
        .containsEntry("cancelled", false);
    assertThat(post(leavePath(ownPupil), admin, Map.of("date", TUESDAY.toString())).getStatusCode().value())
        .as("already on leave: the same leave").isEqualTo(200);
    assertThat(children(get("/api/v1/sessions?date=" + TUESDAY, admin))).containsExactly("李雷");
    assertThat(getList("/api/v1/leave?date=" + TUESDAY, otherTeacherToken).getBody()).isEmpty();
    assertThat(getList("/api/v1/leave?date=" + TUESDAY, admin).getBody()).hasSize(1);

    ResponseEntity<Map> cancelled = call(HttpMethod.DELETE, leavePath(ownPupil) + "/" + TUESDAY, admin, null,
        Map.class);

    assertThat(cancelled.getStatusCode().value()).isEqualTo(200);
    assertThat(cancelled.getBody()).containsEntry("cancelled", true).containsKey("cancelledByStaffId");
    assertThat(children(get("/api/v1/sessions?date=" + TUESDAY, admin))).containsExactlyInAnyOrder("王小明", "李雷");
    assertThat(getList("/api/v1/leave?date=" + TUESDAY, teacherToken).getBody()).as("kept for the record").hasSize(1);
  }

  @Test
  void noLeaveOnADayWithoutService() {
    ResponseEntity<Map> refused = post(leavePath(ownPupil), admin, Map.of("date", TUESDAY.plusDays(4).toString()));

    assertThat(refused.getStatusCode().value()).isEqualTo(409);
    assertThat(refused.getBody()).containsEntry("code", "NO_SERVICE");
  }

  static String leavePath(Family family) {
    return "/api/v1/students/" + family.student() + "/leave";
  }

  @SuppressWarnings("unchecked")
  static List<String> children(ResponseEntity<Map> sessions) {
    return ((List<Map<String, Object>>) sessions.getBody().get("sessions")).stream()
        .flatMap(s -> ((List<Map<String, Object>>) s.get("children")).stream())
        .map(c -> (String) c.get("name")).toList();
  }
}
