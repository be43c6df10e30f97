package org.kehou.admin.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kehou.admin.LifecycleApiTest;
import org.kehou.core.withdrawal.WithdrawalService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

class EnrolmentTests extends LifecycleApiTest {

  @Autowired
  WithdrawalService withdrawals;

  @Test
  void theAgreementReCheckMatchesUntilTheArchivedTextIsTamperedWith() {
    Family family = apply(ownClass, "王小明", "NONE");
    activate(family, "王小明");
    String path = "/api/v1/applications/" + family.application() + "/agreement";

    ResponseEntity<List> signed = getList(path, admin);
    ResponseEntity<List> byTeacher = getList(path, teacherToken);
    ResponseEntity<Map> byOtherTeacher = get(path, otherTeacherToken);
    jdbc.update("UPDATE agreement_document SET body = REPLACE(body, '围棋', '象棋') WHERE application_id = ?",
        family.application());
    ResponseEntity<List> tampered = getList(path, admin);

    Map<String, Object> signature = (Map<String, Object>) signed.getBody().get(0);
    assertThat(signed.getBody()).hasSize(1);
    assertThat(signature).containsEntry("matches", true).containsEntry("guardianName", "王妈妈")
        .containsEntry("guardianId", (int) family.guardian());
    assertThat(signature.get("storedSha256")).isEqualTo(signature.get("recomputedSha256"));
    assertThat((String) signature.get("storedSha256")).hasSize(64);
    assertThat((String) signature.get("text")).contains("王小明").contains("围棋");
    assertThat(byTeacher.getStatusCode().value()).isEqualTo(200);
    assertThat(byOtherTeacher.getStatusCode().value()).isEqualTo(403);
    Map<String, Object> after = (Map<String, Object>) tampered.getBody().get(0);
    assertThat(after).containsEntry("matches", false).containsEntry("storedSha256", signature.get("storedSha256"));
    assertThat(after.get("recomputedSha256")).isNotEqualTo(signature.get("storedSha256"));
  }

  @Test
  void theSchoolEndsAnActiveEnrolmentWithAReasonTheParentsAreTold() {
    Family family = apply(ownClass, "王小明", "NONE");
    Family notActive = apply(ownClass, "李小红", "NONE");
    activate(family, "王小明");
    String end = "/api/v1/applications/" + family.application() + "/end";

    ResponseEntity<Map> byTeacher = post(end, teacherToken, Map.of("reason", "多次未按时接送"));
    ResponseEntity<Map> withoutReason = post(end, admin, Map.of());
    ResponseEntity<Map> ended = post(end, admin, Map.of("reason", "多次未按时接送"));
    ResponseEntity<Map> again = post(end, admin, Map.of("reason", "多次未按时接送"));
    ResponseEntity<Map> submitted = post("/api/v1/applications/" + notActive.application() + "/end", admin,
        Map.of("reason", "测试"));

    assertThat(byTeacher.getStatusCode().value()).isEqualTo(403);
    assertThat(withoutReason.getStatusCode().value()).isEqualTo(400);
    assertThat(ended.getStatusCode().value()).isEqualTo(200);
    assertThat(ended.getBody()).containsEntry("state", "ENDED");
    assertThat(again.getStatusCode().value()).isEqualTo(409);
    assertThat((String) again.getBody().get("detail")).contains("已结束");
    assertThat(submitted.getStatusCode().value()).isEqualTo(409);
    assertThat(school.state(notActive.application())).isEqualTo("SUBMITTED");
    assertThat(getList("/api/v1/applications/" + family.application() + "/history", admin).getBody()).last()
        .satisfies(l -> assertThat((Map<String, Object>) l).containsEntry("toState", "ENDED")
            .containsEntry("reason", "多次未按时接送"));
    assertThat(jdbc.queryForObject("SELECT body FROM outbox_message WHERE student_id = ? AND kind = "
        + "'ended-by-school'", String.class, family.student())).contains("多次未按时接送");
  }

  @Test
  void aWithdrawalReachesTheClassTeachersInboxOnly() {
    Family family = apply(ownClass, "王小明", "NONE");
    activate(family, "王小明");
    withdrawals.withdraw(family.guardian(), family.student());

    ResponseEntity<List> mine = getList("/api/v1/notices", teacherToken);
    ResponseEntity<List> others = getList("/api/v1/notices", otherTeacherToken);

    assertThat(mine.getStatusCode().value()).isEqualTo(200);
    assertThat(mine.getBody()).singleElement().satisfies(n -> assertThat((Map<String, Object>) n)
        .containsEntry("kind", "withdrawal").containsKey("createdAt")
        .hasEntrySatisfying("body", body -> assertThat((String) body).contains("王小明")));
    assertThat(others.getBody()).isEmpty();
    assertThat(getList("/api/v1/notices", admin).getBody()).isEmpty();
  }
}
