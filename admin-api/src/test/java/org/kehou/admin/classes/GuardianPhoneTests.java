package org.kehou.admin.classes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kehou.admin.ApiTest;
import org.kehou.core.staff.Staff;
import org.kehou.core.staff.StaffRole;
import org.springframework.http.HttpMethod;

/** Guardians' phone numbers in full only for the school admin and the class's own class teacher. */
class GuardianPhoneTests extends ApiTest {

  @Test
  void aDutyTeacherSeesGuardiansPhonesMaskedWhileTheAdminAndTheClassTeacherSeeThemInFull() {
    long school = newSchool();
    String admin = adminToken(school);
    importRoster(admin, ClassScopingTests.ROSTER);
    long own = classId(school, "三年级1班");
    Staff teacher = newStaff(school, StaffRole.CLASS_TEACHER);
    call(HttpMethod.PUT, "/api/v1/classes/" + own + "/class-teacher", admin, Map.of("staffId", teacher.id()),
        Map.class);
    String duty = login(newStaff(school, StaffRole.DUTY_TEACHER));

    assertThat(phones(own, admin)).containsExactlyInAnyOrder("13800000011", "13800000012");
    assertThat(phones(own, login(teacher))).containsExactlyInAnyOrder("13800000011", "13800000012");
    assertThat(phones(own, duty)).containsExactlyInAnyOrder("138****0011", "138****0012");
    assertThat(call(HttpMethod.GET, "/api/v1/classes/" + own + "/students", duty, null, String.class).getBody())
        .doesNotContain("13800000011").contains("张父");
  }

  @SuppressWarnings("unchecked")
  private List<String> phones(long classId, String token) {
    List<Map<String, Object>> pupils = call(HttpMethod.GET, "/api/v1/classes/" + classId + "/students", token, null,
        List.class).getBody();
    return pupils.stream()
        .flatMap(p -> ((List<Map<String, Object>>) p.get("guardians")).stream())
        .map(g -> (String) g.get("phone"))
        .toList();
  }
}
