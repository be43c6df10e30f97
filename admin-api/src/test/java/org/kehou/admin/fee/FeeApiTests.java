package org.kehou.admin.fee;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kehou.admin.LifecycleApiTest;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/** The finance office's side of fees: the term's rule, last month's statements issued and listed, admin only. */
class FeeApiTests extends LifecycleApiTest {

  static final YearMonth THIS_MONTH = YearMonth.now(ZoneId.of("Asia/Shanghai"));
  static final YearMonth LAST_MONTH = THIS_MONTH.minusMonths(1);

  Family pupil;

  @BeforeEach
  void aPupilEnrolledSinceBeforeLastMonth() {
    jdbc.update("UPDATE term SET starts_on = ? WHERE id = ?", LAST_MONTH.atDay(1).minusMonths(1), school.termId);
    pupil = apply(ownClass, "王小明", "NONE");
    jdbc.update("UPDATE application SET state = 'ACTIVE', active_from = ? WHERE id = ?",
        LAST_MONTH.atDay(1).minusMonths(1), pupil.application());
  }

  @Test
  void theAdminSetsTheRuleIssuesLastMonthAndExportsTheFeeList() {
    ResponseEntity<Map> rule = call(HttpMethod.PUT, "/api/v1/terms/" + school.termId + "/fee-rule", admin,
        Map.of("lessonTenths", 15, "hardshipPercent", 100), Map.class);
    assertThat(rule.getBody()).containsEntry("lessonTenths", 15).containsEntry("hardshipPercent", 100);

    ResponseEntity<Map> issued = post("/api/v1/fees/" + LAST_MONTH + "/issue", admin, null);
    ResponseEntity<Map> again = post("/api/v1/fees/" + LAST_MONTH + "/issue", admin, null);

    assertThat(issued.getBody()).containsEntry("issued", 1);
    assertThat(again.getBody()).containsEntry("issued", 0);
    Map<String, Object> month = get("/api/v1/fees?month=" + LAST_MONTH, admin).getBody();
    List<Map<String, Object>> statements = (List<Map<String, Object>>) month.get("statements");
    Map<String, Object> statement = (Map<String, Object>) statements.get(0).get("statement");
    int sessions = (Integer) statement.get("sessions");
    assertThat(sessions).as("every weekday of last month").isBetween(18, 23);
    // 1.5 lessons at 3.50 yuan: 5.25 yuan a session, exactly.
    assertThat(statement).containsEntry("amountFen", sessions * 525).containsEntry("studentName", "王小明");
    assertThat(month).containsEntry("children", 1).containsEntry("amountFen", sessions * 525);
    String sheet = new String(call(HttpMethod.GET, "/api/v1/fees?month=" + LAST_MONTH + "&format=csv", admin, null,
        byte[].class).getBody(), StandardCharsets.UTF_8);
    assertThat(sheet).startsWith("\uFEFF班级,学生,服务次数").contains("王小明", String.format("%d.%02d",
        sessions * 525 / 100, sessions * 525 % 100));
  }

  @Test
  void aMonthNotOverIsRefusedAndTeachersSeeNoFees() {
    ResponseEntity<Map> early = post("/api/v1/fees/" + THIS_MONTH + "/issue", admin, null);

    assertThat(early.getStatusCode().value()).isEqualTo(409);
    assertThat(early.getBody()).containsEntry("code", "MONTH_NOT_OVER");
    assertThat(get("/api/v1/fees?month=" + LAST_MONTH, teacherToken).getStatusCode().value()).isEqualTo(403);
    assertThat(get("/api/v1/terms/" + school.termId + "/fee-rule", teacherToken).getStatusCode().value())
        .isEqualTo(403);
    assertThat(call(HttpMethod.PUT, "/api/v1/terms/" + school.termId + "/fee-rule", admin,
        Map.of("lessonTenths", 0, "hardshipPercent", 10), Map.class).getStatusCode().value()).isEqualTo(400);
    assertThat(get("/api/v1/fees?month=2026-13", admin).getStatusCode().value()).isEqualTo(400);
  }
}
