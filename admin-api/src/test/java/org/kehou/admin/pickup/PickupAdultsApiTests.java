package org.kehou.admin.pickup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kehou.admin.LifecycleApiTest;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

class PickupAdultsApiTests extends LifecycleApiTest {

  @Test
  void theClassTeacherSeesWhoMayCollectTheirPupilWithFullPhonesAndTheRemovedOnes() {
    Family family = apply(ownClass, "王小明", "NONE");
    jdbc.update("INSERT INTO pickup_adult (school_id, student_id, name, relation, phone, added_by, added_at) "
        + "VALUES (?, ?, '王奶奶', '奶奶', '13812345678', ?, NOW(3))", school.schoolId, family.student(),
        family.guardian());
    jdbc.update("INSERT INTO pickup_adult (school_id, student_id, name, relation, phone, added_by, added_at, "
        + "removed_by, removed_at, live) VALUES (?, ?, '张阿姨', '保姆', '13987654321', ?, NOW(3), ?, NOW(3), NULL)",
        school.schoolId, family.student(), family.guardian(), family.guardian());

    ResponseEntity<Map> listing = get("/api/v1/students/" + family.student() + "/pickup-adults", teacherToken);

    assertThat(listing.getStatusCode().value()).isEqualTo(200);
    assertThat(listing.getBody()).containsEntry("child", "王小明").containsEntry("className", "三年级1班");
    List<Map<String, Object>> authorised = (List<Map<String, Object>>) listing.getBody().get("authorised");
    assertThat(authorised).extracting(a -> a.get("name")).contains("王奶奶").doesNotContain("张阿姨");
    assertThat(authorised).filteredOn(a -> "王奶奶".equals(a.get("name"))).singleElement()
        .satisfies(a -> assertThat(a).containsEntry("phone", "13812345678").containsEntry("guardian", false));
    assertThat(authorised).filteredOn(a -> Boolean.TRUE.equals(a.get("guardian"))).hasSize(1);
    List<Map<String, Object>> removed = (List<Map<String, Object>>) listing.getBody().get("removed");
    assertThat(removed).singleElement().satisfies(r -> assertThat(r).containsEntry("name", "张阿姨")
        .containsKey("removedAt").containsKey("removedByName"));
  }

  @Test
  void anotherClassTeacherIsRefusedAndAnotherSchoolsChildIsNotFound() {
    Family family = apply(ownClass, "王小明", "NONE");

    ResponseEntity<Map> refused = get("/api/v1/students/" + family.student() + "/pickup-adults", otherTeacherToken);
    assertThat(refused.getStatusCode().value()).isEqualTo(403);
    assertThat(refused.getBody()).containsEntry("code", "NOT_YOURS");

    assertThat(get("/api/v1/students/" + family.student() + "/pickup-adults", admin).getStatusCode().value())
        .isEqualTo(200);
    assertThat(get("/api/v1/students/" + Long.MAX_VALUE + "/pickup-adults", admin).getStatusCode().value())
        .isEqualTo(404);
  }

  @Test
  void onlyTheAdminSetsFromWhichGradeChildrenMayGoHomeAlone() {
    Family family = apply(ownClass, "王小明", "NONE");
    assertThat(get("/api/v1/home-alone-rule", admin).getBody()).containsEntry("fromGrade", null);

    assertThat(rule(teacherToken, 3).getStatusCode().value()).isEqualTo(403);
    assertThat(rule(admin, 9).getStatusCode().value()).isEqualTo(400);
    assertThat(rule(admin, 3).getBody()).containsEntry("fromGrade", 3);

    ResponseEntity<Map> listing = get("/api/v1/students/" + family.student() + "/pickup-adults", teacherToken);
    assertThat(listing.getBody()).containsEntry("homeAloneAllowed", true).containsEntry("homeAlone", null);
  }

  ResponseEntity<Map> rule(String token, int fromGrade) {
    return call(HttpMethod.PUT, "/api/v1/home-alone-rule", token, Map.of("fromGrade", fromGrade), Map.class);
  }
}
