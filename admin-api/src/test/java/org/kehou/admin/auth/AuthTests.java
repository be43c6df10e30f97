package org.kehou.admin.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kehou.admin.ApiTest;
import org.kehou.core.staff.Staff;
import org.kehou.core.staff.StaffRole;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

class AuthTests extends ApiTest {

  @Test
  void staffLogsInAndTheTokenIsKeptInRedisOnlyAsItsHash() {
    long school = newSchool();
    Staff admin = newStaff(school, StaffRole.SCHOOL_ADMIN);
    String token = login(admin);

    assertThat(token).hasSizeGreaterThanOrEqualTo(40);
    String key = "kehou:auth:token:" + TokenStore.sha256(token);
    assertThat(redis.get(key)).isEqualTo(Long.toString(admin.id()));
    assertThat(redis.ttl(key)).isBetween(8 * 3600L - 60, 8 * 3600L);
    assertThat(redis.exists("kehou:auth:token:" + token)).isFalse();
    assertThat(call(HttpMethod.GET, "/api/v1/staff", token, null, List.class).getStatusCode().value()).isEqualTo(200);
  }

  @Test
  void aLoggedOutTokenNoLongerWorks() {
    String token = adminToken(newSchool());

    ResponseEntity<Void> logout = http.exchange("/api/v1/auth/logout", HttpMethod.POST,
        new HttpEntity<>(bearer(token)), Void.class);

    assertThat(logout.getStatusCode().value()).isEqualTo(204);
    assertThat(get("/api/v1/terms", token).getStatusCode().value()).isEqualTo(401);
  }

  @Test
  void wrongPasswordAndUnknownUserAreBothUnauthorized() {
    Staff admin = newStaff(newSchool(), StaffRole.SCHOOL_ADMIN);
    ResponseEntity<Map> wrong = http.postForEntity("/api/v1/auth/login",
        Map.of("username", admin.username(), "password", "not-the-password"), Map.class);
    ResponseEntity<Map> unknown = http.postForEntity("/api/v1/auth/login",
        Map.of("username", unique("nobody"), "password", PASSWORD), Map.class);

    assertThat(wrong.getStatusCode().value()).isEqualTo(401);
    assertThat(wrong.getBody()).containsEntry("code", "BAD_CREDENTIALS").containsKey("detail");
    assertThat(wrong.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    assertThat(unknown.getStatusCode().value()).isEqualTo(401);
  }

  @Test
  void endpointsRefuseRequestsWithoutOrWithABadToken() {
    ResponseEntity<Map> none = http.getForEntity("/api/v1/classes", Map.class);
    ResponseEntity<Map> bad = get("/api/v1/classes", "made-up-token");

    assertThat(none.getStatusCode().value()).isEqualTo(401);
    assertThat(none.getBody()).containsEntry("code", "AUTHENTICATION_REQUIRED");
    assertThat(bad.getStatusCode().value()).isEqualTo(401);
    assertThat(bad.getBody()).containsEntry("code", "TOKEN_INVALID");
  }

  @Test
  void fiveWrongPasswordsLockTheUsernameEvenForTheRightPassword() {
    Staff admin = newStaff(newSchool(), StaffRole.SCHOOL_ADMIN);
    for (int i = 0; i < 5; i++) {
      ResponseEntity<Map> failed = http.postForEntity("/api/v1/auth/login",
          Map.of("username", admin.username(), "password", "guess-" + i), Map.class);
      assertThat(failed.getStatusCode().value()).isEqualTo(401);
    }

    ResponseEntity<Map> locked = http.postForEntity("/api/v1/auth/login",
        Map.of("username", admin.username(), "password", PASSWORD), Map.class);

    assertThat(locked.getStatusCode().value()).isEqualTo(429);
    assertThat(locked.getBody()).containsEntry("code", "LOGIN_THROTTLED");
    long retryAfter = Long.parseLong(locked.getHeaders().getFirst(HttpHeaders.RETRY_AFTER));
    assertThat(retryAfter).isBetween(1L, 15 * 60L);
  }

  @Test
  void aSuccessfulLoginClearsEarlierFailures() {
    Staff admin = newStaff(newSchool(), StaffRole.SCHOOL_ADMIN);
    for (int i = 0; i < 4; i++) {
      http.postForEntity("/api/v1/auth/login", Map.of("username", admin.username(), "password", "x" + i), Map.class);
    }
    login(admin);
    for (int i = 0; i < 4; i++) {
      http.postForEntity("/api/v1/auth/login", Map.of("username", admin.username(), "password", "y" + i), Map.class);
    }
    login(admin);
  }

  @Test
  void adminCreatesStaffWhoCanLogInButTeachersCannotCreateStaff() {
    long school = newSchool();
    String admin = adminToken(school);
    String username = unique("teacher");

    ResponseEntity<Map> created = post("/api/v1/staff", admin,
        Map.of("username", username, "displayName", "王老师", "password", "long-enough-pw", "role", "CLASS_TEACHER"));
    ResponseEntity<Map> duplicate = post("/api/v1/staff", admin,
        Map.of("username", username, "displayName", "王老师", "password", "long-enough-pw", "role", "CLASS_TEACHER"));
    ResponseEntity<Map> login = http.postForEntity("/api/v1/auth/login",
        Map.of("username", username, "password", "long-enough-pw"), Map.class);
    String teacher = (String) login.getBody().get("token");
    ResponseEntity<Map> byTeacher = post("/api/v1/staff", teacher,
        Map.of("username", unique("x"), "displayName", "x", "password", "long-enough-pw", "role", "SCHOOL_ADMIN"));
    ResponseEntity<List> listed = call(HttpMethod.GET, "/api/v1/staff", admin, null, List.class);

    assertThat(created.getStatusCode().value()).isEqualTo(201);
    assertThat(created.getBody()).containsEntry("role", "CLASS_TEACHER").doesNotContainKey("passwordHash");
    assertThat(duplicate.getStatusCode().value()).isEqualTo(409);
    assertThat(login.getStatusCode().value()).isEqualTo(200);
    assertThat(byTeacher.getStatusCode().value()).isEqualTo(403);
    assertThat(listed.getBody()).hasSize(2);
    assertThat(jdbc.queryForObject("SELECT password_hash FROM staff WHERE username = ?", String.class, username))
        .startsWith("$2").doesNotContain("long-enough-pw");
  }

  @Test
  void firstAdminIsCreatedOnceForAFreshSchoolAndNotWithoutAPassword(@Autowired FirstAdmin firstAdmin) {
    String code = unique("first");
    String username = unique("admin");

    assertThat(firstAdmin.ensure(code, "第一小学", username, " ")).isEqualTo(FirstAdmin.Outcome.NO_PASSWORD);
    assertThat(schools.findSchoolByCode(code)).isEmpty();
    assertThat(firstAdmin.ensure(code, "第一小学", username, "start-pw-123")).isEqualTo(FirstAdmin.Outcome.CREATED);
    assertThat(firstAdmin.ensure(code, "第一小学", unique("other"), "start-pw-123"))
        .isEqualTo(FirstAdmin.Outcome.ADMIN_EXISTS);

    ResponseEntity<Map> login = http.postForEntity("/api/v1/auth/login",
        Map.of("username", username, "password", "start-pw-123"), Map.class);
    assertThat(login.getStatusCode().value()).isEqualTo(200);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM staff s JOIN school c ON c.id = s.school_id "
        + "WHERE c.code = ? AND s.role = 'SCHOOL_ADMIN'", Integer.class, code)).isEqualTo(1);
  }

  @Test
  void xForwardedForIsIgnoredWithoutATrustedProxySoVaryingItGivesNoFreshCounters() {
    Staff admin = newStaff(newSchool(), StaffRole.SCHOOL_ADMIN);
    for (int i = 0; i < 5; i++) {
      HttpHeaders headers = new HttpHeaders();
      headers.set("X-Forwarded-For", "198.51.100." + i);
      ResponseEntity<Map> failed = http.postForEntity("/api/v1/auth/login",
          new HttpEntity<>(Map.of("username", admin.username(), "password", "guess-" + i), headers), Map.class);
      assertThat(failed.getStatusCode().value()).isEqualTo(401);
    }
    HttpHeaders fresh = new HttpHeaders();
    fresh.set("X-Forwarded-For", "198.51.100.200");

    ResponseEntity<Map> locked = http.postForEntity("/api/v1/auth/login",
        new HttpEntity<>(Map.of("username", admin.username(), "password", PASSWORD), fresh), Map.class);

    assertThat(locked.getStatusCode().value()).isEqualTo(429);
  }

  @Test
  void noFirstAdminIsCreatedWithAPasswordLongerThanBcryptReads(@Autowired FirstAdmin firstAdmin) {
    String code = unique("first");

    assertThat(firstAdmin.ensure(code, "第一小学", unique("admin"), "x".repeat(73)))
        .isEqualTo(FirstAdmin.Outcome.PASSWORD_TOO_LONG);
    assertThat(schools.findSchoolByCode(code)).isEmpty();
  }
}
