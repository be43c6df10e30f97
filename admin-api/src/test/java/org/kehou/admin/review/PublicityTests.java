package org.kehou.admin.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kehou.admin.LifecycleApiTest;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

class PublicityTests extends LifecycleApiTest {

  @Test
  void thePublicityListShowsClassMaskedNameAndOfferingsButNeverAPriority() {
    Family leftBehind = apply(ownClass, "王小明", "LEFT_BEHIND");
    Family other = apply(otherClass, "李红", "HARDSHIP");
    apply(ownClass, "赵未审", "NONE");
    publicise(leftBehind);
    classReview(admin, other.application(), "APPROVE", null);
    schoolReview(admin, other.application(), "APPROVE", null);

    ResponseEntity<String> raw = http.exchange("/api/v1/publicity", HttpMethod.GET,
        new HttpEntity<>(null, bearer(otherTeacherToken)), String.class);
    ResponseEntity<List> listed = getList("/api/v1/publicity?termId=" + school.termId, teacherToken);

    assertThat(raw.getStatusCode().value()).isEqualTo(200);
    assertThat(raw.getBody()).doesNotContainIgnoringCase("priority").doesNotContain("LEFT_BEHIND")
        .doesNotContain("HARDSHIP").doesNotContain("王小明").doesNotContain("赵");
    List<Map<String, Object>> entries = listed.getBody();
    assertThat(entries).extracting(e -> e.get("maskedName")).containsExactly("王*明", "李*");
    assertThat(entries.get(0)).containsEntry("className", "三年级1班").containsEntry("offerings", "围棋")
        .containsEntry("applicationId", (int) leftBehind.application()).containsKey("publicityEndsAt")
        .doesNotContainKey("priority");
  }

  @Test
  void thePublicityListAsCsvHasABomAChineseHeaderAndNoPriority() {
    publicise(apply(ownClass, "王小明", "LEFT_BEHIND"));
    HttpHeaders accept = bearer(admin);
    accept.setAccept(List.of(MediaType.parseMediaType("text/csv")));

    ResponseEntity<byte[]> byAccept = http.exchange("/api/v1/publicity", HttpMethod.GET, new HttpEntity<>(null, accept),
        byte[].class);
    ResponseEntity<byte[]> byParameter = http.exchange("/api/v1/publicity?format=csv", HttpMethod.GET,
        new HttpEntity<>(null, bearer(admin)), byte[].class);

    assertThat(byAccept.getHeaders().getContentType().isCompatibleWith(MediaType.parseMediaType("text/csv"))).isTrue();
    byte[] bytes = byAccept.getBody();
    assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
    String csv = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
    String[] lines = csv.split("\r\n");
    assertThat(lines[0]).isEqualTo("班级,学生,服务项目,公示截止");
    assertThat(lines[1]).startsWith("三年级1班,王*明,围棋,20");
    assertThat(lines).hasSize(2);
    assertThat(csv).doesNotContain("LEFT_BEHIND").doesNotContain("留守").doesNotContain("王小明");
    assertThat(byParameter.getBody()).isEqualTo(bytes);
    ResponseEntity<Map> foreignTerm = get("/api/v1/publicity?format=csv&termId=" + school.termId,
        adminToken(newSchool()));
    assertThat(foreignTerm.getStatusCode().value()).isEqualTo(404);
    assertThat(foreignTerm.getBody()).containsEntry("code", "TERM_NOT_FOUND");
  }

  @Test
  void anUpheldObjectionRejectsTheApplicationAndTellsTheParents() {
    Family family = apply(ownClass, "王小明", "NONE");
    publicise(family);
    String path = "/api/v1/applications/" + family.application() + "/objections";

    ResponseEntity<List> recorded = call(HttpMethod.POST, path, teacherToken, Map.of("reason", "户籍信息有误"),
        List.class);
    ResponseEntity<Map> byOtherTeacher = post(path, otherTeacherToken, Map.of("reason", "不认识"));
    long objection = ((Number) ((Map<?, ?>) recorded.getBody().get(0)).get("id")).longValue();
    String resolution = "/api/v1/objections/" + objection + "/resolution";
    ResponseEntity<Map> resolvedByTeacher = post(resolution, teacherToken, Map.of("upheld", true, "note", "核实属实"));
    ResponseEntity<Map> withoutNote = post(resolution, admin, Map.of("upheld", true));
    ResponseEntity<Map> upheld = post(resolution, admin, Map.of("upheld", true, "note", "核实属实"));
    ResponseEntity<Map> twice = post(resolution, admin, Map.of("upheld", false, "note", "再次处理"));

    assertThat(recorded.getStatusCode().value()).isEqualTo(201);
    assertThat((Map<String, Object>) recorded.getBody().get(0)).containsEntry("reason", "户籍信息有误")
        .containsEntry("resolution", null);
    assertThat(byOtherTeacher.getStatusCode().value()).isEqualTo(403);
    assertThat(resolvedByTeacher.getStatusCode().value()).isEqualTo(403);
    assertThat(withoutNote.getStatusCode().value()).isEqualTo(400);
    assertThat(upheld.getStatusCode().value()).isEqualTo(204);
    assertThat(twice.getStatusCode().value()).isEqualTo(404);
    assertThat(school.state(family.application())).isEqualTo("REJECTED");
    assertThat((Map<String, Object>) getList(path, admin).getBody().get(0)).containsEntry("resolution", "UPHELD")
        .containsEntry("resolutionNote", "核实属实");
    assertThat(jdbc.queryForObject("SELECT body FROM outbox_message WHERE student_id = ? AND kind = "
        + "'application-rejected'", String.class, family.student())).contains("核实属实");
    assertThat(getList("/api/v1/publicity", admin).getBody()).isEmpty();
  }

  @Test
  void aDismissedObjectionLeavesTheApplicationInPublicityAndOnlyPublicisedOnesTakeObjections() {
    Family family = apply(ownClass, "王小明", "NONE");
    Family submitted = apply(ownClass, "李小红", "NONE");
    publicise(family);
    ResponseEntity<List> recorded = call(HttpMethod.POST, "/api/v1/applications/" + family.application()
        + "/objections", admin, Map.of("reason", "住址不符"), List.class);
    long objection = ((Number) ((Map<?, ?>) recorded.getBody().get(0)).get("id")).longValue();

    ResponseEntity<Map> dismissed = post("/api/v1/objections/" + objection + "/resolution", admin,
        Map.of("upheld", false, "note", "经核实住址无误"));
    ResponseEntity<Map> tooEarly = post("/api/v1/applications/" + submitted.application() + "/objections",
        teacherToken, Map.of("reason", "尚未审核"));
    ResponseEntity<Map> noReason = post("/api/v1/applications/" + family.application() + "/objections",
        teacherToken, Map.of());

    assertThat(dismissed.getStatusCode().value()).isEqualTo(204);
    assertThat(school.state(family.application())).isEqualTo("IN_PUBLICITY");
    assertThat(tooEarly.getStatusCode().value()).isEqualTo(409);
    assertThat((String) tooEarly.getBody().get("detail")).contains("已提交");
    assertThat(noReason.getStatusCode().value()).isEqualTo(400);
    assertThat(getList("/api/v1/publicity", teacherToken).getBody()).hasSize(1);
  }
}
