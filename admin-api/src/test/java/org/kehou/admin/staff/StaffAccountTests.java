package org.kehou.admin.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kehou.admin.ApiTest;
import org.kehou.core.staff.Staff;
import org.kehou.core.staff.StaffRole;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

class StaffAccountTests extends ApiTest {

  @Test
  void aDeactivatedAccountsTokensStopWorkingAtOnceAndItCannotLogIn() {
    long school = newSchool();
    String admin = adminToken(school);
    Staff teacher = newStaff(school, StaffRole.CLASS_TEACHER);
    String onLaptop = login(teacher);
    String onPhone = login(teacher);

    ResponseEntity<Map> deactivated = post("/api/v1/staff/" + teacher.id() + "/deactivate", admin, null);

    assertThat(deactivated.getStatusCode().value()).isEqualTo(200);
    assertThat(deactivated.getBody()).containsEntry("active", false);
    assertThat(tokenStatus(onLaptop)).isEqualTo(401);
    assertThat(tokenStatus(onPhone)).isEqualTo(401);
    assertThat(loginStatus(teacher.username(), PASSWORD)).isEqualTo(401);
    assertThat(redis.exists("kehou:auth:staff-tokens:" + teacher.id())).isFalse();

    ResponseEntity<Map> reactivated = post("/api/v1/staff/" + teacher.id() + "/activate", admin, null);

    assertThat(reactivated.getBody()).containsEntry("active", true);
    assertThat(tokenStatus(onLaptop)).isEqualTo(401);
    assertThat(tokenStatus(login(teacher))).isEqualTo(200);
  }

  @Test
  void anAdminCannotDeactivateThemselvesTeachersCannotAtAllAndAnotherSchoolsStaffIsNotFound() {
    long school = newSchool();
    Staff me = newStaff(school, StaffRole.SCHOOL_ADMIN);
    String admin = login(me);
    Staff teacher = newStaff(school, StaffRole.CLASS_TEACHER);
    Staff elsewhere = newStaff(newSchool(), StaffRole.CLASS_TEACHER);

    ResponseEntity<Map> self = post("/api/v1/staff/" + me.id() + "/deactivate", admin, null);
    ResponseEntity<Map> byTeacher = post("/api/v1/staff/" + me.id() + "/deactivate", login(teacher), null);
    ResponseEntity<Map> foreign = post("/api/v1/staff/" + elsewhere.id() + "/deactivate", admin, null);
    ResponseEntity<Map> foreignReset = post("/api/v1/staff/" + elsewhere.id() + "/password", admin,
        Map.of("password", "another-password"));

    assertThat(self.getStatusCode().value()).isEqualTo(409);
    assertThat(self.getBody()).containsEntry("code", "CANNOT_DEACTIVATE_SELF");
    assertThat(byTeacher.getStatusCode().value()).isEqualTo(403);
    assertThat(foreign.getStatusCode().value()).isEqualTo(404);
    assertThat(foreignReset.getStatusCode().value()).isEqualTo(404);
    assertThat(staffService.find(me.id()).orElseThrow().active()).isTrue();
    assertThat(staffService.find(elsewhere.id()).orElseThrow().active()).isTrue();
    assertThat(loginStatus(elsewhere.username(), PASSWORD)).isEqualTo(200);
  }

  @Test
  void aResetPasswordEndsTheSessionsAndOnlyTheNewPasswordOpensTheAccount() {
    long school = newSchool();
    String admin = adminToken(school);
    Staff teacher = newStaff(school, StaffRole.CLASS_TEACHER);
    String before = login(teacher);

    ResponseEntity<Map> tooShort = post("/api/v1/staff/" + teacher.id() + "/password", admin,
        Map.of("password", "short"));
    ResponseEntity<Map> reset = post("/api/v1/staff/" + teacher.id() + "/password", admin,
        Map.of("password", "a-brand-new-password"));

    assertThat(tooShort.getStatusCode().value()).isEqualTo(400);
    assertThat(tooShort.getBody()).containsEntry("code", "PASSWORD_TOO_SHORT");
    assertThat(reset.getStatusCode().value()).isEqualTo(204);
    assertThat(tokenStatus(before)).isEqualTo(401);
    assertThat(loginStatus(teacher.username(), PASSWORD)).isEqualTo(401);
    assertThat(loginStatus(teacher.username(), "a-brand-new-password")).isEqualTo(200);
  }

  @Test
  void revokingTokensEndsEverySessionOfThatAccountOnlyAndItLogsInAgain() {
    long school = newSchool();
    String admin = adminToken(school);
    Staff teacher = newStaff(school, StaffRole.CLASS_TEACHER);
    String first = login(teacher);
    String second = login(teacher);

    ResponseEntity<Map> revoked = post("/api/v1/staff/" + teacher.id() + "/revoke-tokens", admin, null);

    assertThat(revoked.getStatusCode().value()).isEqualTo(204);
    assertThat(tokenStatus(first)).isEqualTo(401);
    assertThat(tokenStatus(second)).isEqualTo(401);
    assertThat(tokenStatus(admin)).isEqualTo(200);
    assertThat(tokenStatus(login(teacher))).isEqualTo(200);
  }

  @Test
  void passwordsLongerThanBcryptReadsAreABadRequestWhenSetAndAtLogin() {
    long school = newSchool();
    String admin = adminToken(school);
    Staff teacher = newStaff(school, StaffRole.CLASS_TEACHER);
    String seventyThreeBytes = "x".repeat(73);
    String twentyFiveHanzi = "课".repeat(25);

    ResponseEntity<Map> created = post("/api/v1/staff", admin, Map.of("username", unique("t"), "displayName", "王老师",
        "password", twentyFiveHanzi, "role", "CLASS_TEACHER"));
    ResponseEntity<Map> reset = post("/api/v1/staff/" + teacher.id() + "/password", admin,
        Map.of("password", seventyThreeBytes));
    ResponseEntity<Map> atLogin = http.postForEntity("/api/v1/auth/login",
        Map.of("username", teacher.username(), "password", seventyThreeBytes), Map.class);
    ResponseEntity<Map> seventyTwo = post("/api/v1/staff/" + teacher.id() + "/password", admin,
        Map.of("password", "y".repeat(72)));

    for (ResponseEntity<Map> refused : List.of(created, reset, atLogin)) {
      assertThat(refused.getStatusCode().value()).isEqualTo(400);
      assertThat(refused.getBody()).containsEntry("code", "PASSWORD_TOO_LONG");
      assertThat((String) refused.getBody().get("detail")).contains("72");
    }
    assertThat(seventyTwo.getStatusCode().value()).isEqualTo(204);
    assertThat(loginStatus(teacher.username(), "y".repeat(72))).isEqualTo(200);
  }

  @Test
  void usernamesAreStoredFoldedSoLookAlikesAreTakenAndOpenTheSameAccountButAccentsDoNot() {
    String admin = adminToken(newSchool());
    String name = unique("Wang.Li");

    ResponseEntity<Map> created = post("/api/v1/staff", admin, Map.of("username", name, "displayName", "王老师",
        "password", "long-enough-pw", "role", "CLASS_TEACHER"));
    ResponseEntity<Map> again = post("/api/v1/staff", admin, Map.of("username", name.toUpperCase(),
        "displayName", "王老师", "password", "long-enough-pw", "role", "CLASS_TEACHER"));

    assertThat(created.getBody()).containsEntry("username", name.toLowerCase());
    assertThat(again.getStatusCode().value()).isEqualTo(409);
    assertThat(loginStatus(toFullWidth(name) + " ", "long-enough-pw")).isEqualTo(200);
    assertThat(loginStatus("á" + name.toLowerCase().substring(1), "long-enough-pw")).isEqualTo(401);
  }

  /** 'admin' → 'ａｄｍｉｎ': what an IME in full-width mode types. */
  static String toFullWidth(String ascii) {
    StringBuilder out = new StringBuilder();
    for (char c : ascii.toCharArray()) {
      out.append(c > 0x20 && c < 0x7F ? (char) (c - 0x21 + 0xFF01) : c);
    }
    return out.toString();
  }

  /** What a protected endpoint answers to this token. */
  private int tokenStatus(String token) {
    return call(HttpMethod.GET, "/api/v1/classes", token, null, String.class).getStatusCode().value();
  }

  private int loginStatus(String username, String password) {
    return http.postForEntity("/api/v1/auth/login", Map.of("username", username, "password", password), Map.class)
        .getStatusCode().value();
  }
}
