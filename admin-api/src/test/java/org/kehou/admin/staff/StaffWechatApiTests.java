package org.kehou.admin.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kehou.admin.ApiTest;
import org.kehou.core.staff.Staff;
import org.kehou.core.staff.StaffRole;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

class StaffWechatApiTests extends ApiTest {

  @Test
  void aTeacherGetsTheirOwnCodeAndOnlyAnAdminIssuesOneForAColleague() {
    long school = newSchool();
    String admin = adminToken(school);
    Staff teacher = newStaff(school, StaffRole.CLASS_TEACHER);
    Staff colleague = newStaff(school, StaffRole.DUTY_TEACHER);
    Staff elsewhere = newStaff(newSchool(), StaffRole.CLASS_TEACHER);
    String token = login(teacher);

    ResponseEntity<Map> mine = post("/api/v1/staff/me/wechat-code", token, null);
    ResponseEntity<Map> forColleague = post("/api/v1/staff/" + colleague.id() + "/wechat-code", admin, null);

    assertThat(mine.getStatusCode().value()).isEqualTo(201);
    assertThat((String) mine.getBody().get("code")).startsWith("S").hasSize(10);
    LocalDateTime now = LocalDateTime.now(ZoneId.of("Asia/Shanghai"));
    assertThat(LocalDateTime.parse((String) mine.getBody().get("expiresAt")))
        .as("kehou.staff.wechat-code-ttl, 24h by default").isBetween(now.plusHours(23), now.plusHours(25));
    assertThat(forColleague.getStatusCode().value()).isEqualTo(201);
    assertThat(jdbc.queryForObject("SELECT issued_by FROM staff_binding_code WHERE staff_id = ? AND live = 1",
        Long.class, colleague.id())).isNotEqualTo(colleague.id());
    assertThat(post("/api/v1/staff/" + colleague.id() + "/wechat-code", token, null).getStatusCode().value())
        .isEqualTo(403);
    assertThat(post("/api/v1/staff/" + elsewhere.id() + "/wechat-code", admin, null).getStatusCode().value())
        .isEqualTo(404);
  }

  @Test
  void aTeacherAndTheAdminSeeAndEndTheTeachersWechatBindingAndDeactivationEndsIt() {
    long school = newSchool();
    String admin = adminToken(school);
    Staff teacher = newStaff(school, StaffRole.CLASS_TEACHER);
    String token = login(teacher);
    long first = bind(teacher, "o-api-" + System.nanoTime());

    assertThat(list("/api/v1/staff/me/wechat", token)).singleElement()
        .satisfies(a -> assertThat(a).containsEntry("live", true).doesNotContainKey("openid"));
    assertThat(call(HttpMethod.DELETE, "/api/v1/staff/me/wechat/" + first, token, null, Map.class)
        .getStatusCode().value()).isEqualTo(204);
    assertThat(call(HttpMethod.DELETE, "/api/v1/staff/me/wechat/" + first, token, null, Map.class)
        .getStatusCode().value()).isEqualTo(404);

    long second = bind(teacher, "o-api-" + System.nanoTime());
    assertThat(call(HttpMethod.DELETE, "/api/v1/staff/" + teacher.id() + "/wechat/" + second, admin, null, Map.class)
        .getStatusCode().value()).isEqualTo(204);
    assertThat(list("/api/v1/staff/" + teacher.id() + "/wechat", admin))
        .extracting(a -> a.get("endedBy")).containsExactly("staff", "admin");

    bind(teacher, "o-api-" + System.nanoTime());
    post("/api/v1/staff/" + teacher.id() + "/deactivate", admin, null);
    assertThat(list("/api/v1/staff/" + teacher.id() + "/wechat", admin))
        .allSatisfy(a -> assertThat(a).containsEntry("live", false))
        .extracting(a -> a.get("endedBy")).last().isEqualTo("deactivated");
  }

  private long bind(Staff staff, String openid) {
    jdbc.update("INSERT INTO staff_wechat_binding (staff_id, openid, bound_at) VALUES (?, ?, NOW(3))", staff.id(),
        openid);
    return jdbc.queryForObject("SELECT id FROM staff_wechat_binding WHERE openid = ? AND live = 1", Long.class, openid);
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> list(String path, String token) {
    ResponseEntity<List> response = call(HttpMethod.GET, path, token, null, List.class);
    assertThat(response.getStatusCode().value()).isEqualTo(200);
    return response.getBody();
  }
}
