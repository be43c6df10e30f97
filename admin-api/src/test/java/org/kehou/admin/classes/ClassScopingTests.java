package org.kehou.admin.classes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kehou.admin.ApiTest;
import org.kehou.core.staff.Staff;
import org.kehou.core.staff.StaffRole;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

class ClassScopingTests extends ApiTest {

  static final String ROSTER = "grade,class,student_no,student_name,priority,guardian_name,guardian_phone,relation\n"
      + "三年级,1班,C001,张三,留守,张父,13800000011,父亲\n"
      + "三年级,1班,C001,张三,留守,张母,13800000012,母亲\n"
      + "三年级,2班,C002,李四,无,李母,13800000013,母亲\n";

  @Test
  void aClassTeacherReadsTheirOwnClassWithPrioritiesButAnotherClassIsForbidden() {
    long school = newSchool();
    String admin = adminToken(school);
    importRoster(admin, ROSTER);
    Staff teacher = newStaff(school, StaffRole.CLASS_TEACHER);
    long own = classId(school, "三年级1班");
    long other = classId(school, "三年级2班");
    assertThat(call(HttpMethod.PUT, "/api/v1/classes/" + own + "/class-teacher", admin,
        Map.of("staffId", teacher.id()), Map.class).getStatusCode().value()).isEqualTo(200);
    String token = login(teacher);

    ResponseEntity<List> ownStudents = call(HttpMethod.GET, "/api/v1/classes/" + own + "/students", token, null,
        List.class);
    ResponseEntity<Map> otherStudents = get("/api/v1/classes/" + other + "/students", token);
    ResponseEntity<Map> missing = get("/api/v1/classes/999999999/students", token);
    ResponseEntity<List> listed = call(HttpMethod.GET, "/api/v1/classes", token, null, List.class);
    ResponseEntity<Map> reassign = call(HttpMethod.PUT, "/api/v1/classes/" + other + "/class-teacher", token,
        Map.of("staffId", teacher.id()), Map.class);

    assertThat(ownStudents.getStatusCode().value()).isEqualTo(200);
    Map<String, Object> pupil = (Map<String, Object>) ownStudents.getBody().get(0);
    assertThat(pupil).containsEntry("name", "张三").containsEntry("priority", "LEFT_BEHIND");
    assertThat((List<?>) pupil.get("guardians")).hasSize(2);
    assertThat(otherStudents.getStatusCode().value()).isEqualTo(403);
    assertThat(otherStudents.getBody()).containsEntry("code", "CLASS_FORBIDDEN");
    assertThat(missing.getStatusCode().value()).isEqualTo(403);
    assertThat(listed.getBody()).extracting(c -> ((Map<?, ?>) c).get("name")).containsExactly("三年级1班");
    assertThat(reassign.getStatusCode().value()).isEqualTo(403);
  }

  @Test
  void theAdminSeesEveryClassAndADutyTeacherReadsPupilsWithoutTheirPriority() {
    long school = newSchool();
    String admin = adminToken(school);
    importRoster(admin, ROSTER);
    String duty = login(newStaff(school, StaffRole.DUTY_TEACHER));
    long own = classId(school, "三年级1班");

    ResponseEntity<List> all = call(HttpMethod.GET, "/api/v1/classes", admin, null, List.class);
    ResponseEntity<List> byAdmin = call(HttpMethod.GET, "/api/v1/classes/" + own + "/students", admin, null,
        List.class);
    ResponseEntity<List> byDuty = call(HttpMethod.GET, "/api/v1/classes/" + own + "/students", duty, null, List.class);

    assertThat(all.getBody()).hasSize(2);
    assertThat((Map<String, Object>) byAdmin.getBody().get(0)).containsEntry("priority", "LEFT_BEHIND");
    assertThat(byDuty.getStatusCode().value()).isEqualTo(200);
    assertThat((Map<String, Object>) byDuty.getBody().get(0)).doesNotContainKey("priority");
  }

  @Test
  void anotherSchoolsClassIsNotFoundAndOnlyClassTeachersCanBeAssigned() {
    long school = newSchool();
    String admin = adminToken(school);
    importRoster(admin, ROSTER);
    long elsewhere = newSchool();
    importRoster(adminToken(elsewhere), ROSTER);
    Staff duty = newStaff(school, StaffRole.DUTY_TEACHER);

    ResponseEntity<Map> foreign = get("/api/v1/classes/" + classId(elsewhere, "三年级1班") + "/students", admin);
    ResponseEntity<Map> notTeacher = call(HttpMethod.PUT, "/api/v1/classes/" + classId(school, "三年级1班")
        + "/class-teacher", admin, Map.of("staffId", duty.id()), Map.class);

    assertThat(foreign.getStatusCode().value()).isEqualTo(404);
    assertThat(notTeacher.getStatusCode().value()).isEqualTo(400);
    assertThat(notTeacher.getBody()).containsEntry("code", "NOT_A_CLASS_TEACHER");
  }
}
