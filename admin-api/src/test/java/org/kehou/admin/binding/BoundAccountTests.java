package org.kehou.admin.binding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kehou.admin.ApiTest;
import org.kehou.core.staff.StaffRole;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

class BoundAccountTests extends ApiTest {

  static final String ROSTER = "grade,class,student_no,student_name,priority,guardian_name,guardian_phone,relation\n"
      + "三年级,2班,B001,王小明,无,王芳,13800000021,母亲\n";

  @Test
  void anAdminSeesAGuardiansAccountsMaskedAndRevokesOneForGood() {
    long school = newSchool();
    String admin = adminToken(school);
    importRoster(admin, ROSTER);
    long guardian = guardianOf(school);
    String mother = bind(guardian);
    String stranger = bind(guardian);
    long strangerBinding = jdbc.queryForObject("SELECT id FROM wechat_binding WHERE openid = ?", Long.class, stranger);

    ResponseEntity<List> listed = call(HttpMethod.GET, "/api/v1/guardians/" + guardian + "/wechat-bindings", admin,
        null, List.class);
    ResponseEntity<List> revoked = call(HttpMethod.POST,
        "/api/v1/guardians/" + guardian + "/wechat-bindings/" + strangerBinding + "/revoke", admin, null, List.class);
    ResponseEntity<Map> again = post(
        "/api/v1/guardians/" + guardian + "/wechat-bindings/" + strangerBinding + "/revoke", admin, null);

    assertThat(listed.getStatusCode().value()).isEqualTo(200);
    List<Map<String, Object>> accounts = listed.getBody();
    assertThat(accounts).hasSize(2).allSatisfy(a -> {
      assertThat(a).containsKeys("id", "account", "boundAt", "active").containsEntry("active", true);
      assertThat(a.values()).doesNotContain(mother, stranger);
      assertThat((String) a.get("account")).contains("****");
    });
    assertThat(listed.toString()).doesNotContain(mother.substring(2, 12), stranger.substring(2, 12));
    assertThat(revoked.getStatusCode().value()).isEqualTo(200);
    assertThat((List<Map<String, Object>>) revoked.getBody())
        .extracting(a -> a.get("active") + "/" + a.get("endedBy"))
        .containsExactly("true/null", "false/ADMIN");
    assertThat(jdbc.queryForObject("SELECT NOT active AND ended_at IS NOT NULL FROM wechat_binding WHERE openid = ?",
        Boolean.class, stranger)).isTrue();
    assertThat(again.getStatusCode().value()).isEqualTo(404);
    assertThat(again.getBody()).containsEntry("code", "BINDING_NOT_FOUND");
  }

  @Test
  void teachersAndOtherSchoolsCannotListOrRevoke() {
    long school = newSchool();
    String admin = adminToken(school);
    importRoster(admin, ROSTER);
    long guardian = guardianOf(school);
    String openid = bind(guardian);
    long binding = jdbc.queryForObject("SELECT id FROM wechat_binding WHERE openid = ?", Long.class, openid);
    String teacher = login(newStaff(school, StaffRole.CLASS_TEACHER));
    String otherAdmin = adminToken(newSchool());

    assertThat(get("/api/v1/guardians/" + guardian + "/wechat-bindings", teacher).getStatusCode().value())
        .isEqualTo(403);
    assertThat(get("/api/v1/guardians/" + guardian + "/wechat-bindings", otherAdmin).getStatusCode().value())
        .isEqualTo(404);
    assertThat(post("/api/v1/guardians/" + guardian + "/wechat-bindings/" + binding + "/revoke", otherAdmin, null)
        .getStatusCode().value()).isEqualTo(404);
    assertThat(jdbc.queryForObject("SELECT active FROM wechat_binding WHERE id = ?", Boolean.class, binding)).isTrue();
  }

  long guardianOf(long school) {
    return jdbc.queryForObject("SELECT id FROM guardian WHERE school_id = ?", Long.class, school);
  }

  String bind(long guardian) {
    String openid = unique("oWx_");
    jdbc.update("INSERT INTO wechat_binding (openid, guardian_id) VALUES (?, ?)", openid, guardian);
    return openid;
  }
}
