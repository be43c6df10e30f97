package org.kehou.admin.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kehou.admin.ApiTest;
import org.kehou.core.staff.Staff;
import org.kehou.core.staff.StaffRole;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;

/**
 * Login throttling behind a trusted reverse proxy (the test client), so each test can log in from addresses of its own
 * through X-Forwarded-For. Waits are seconds here instead of minutes.
 */
@TestPropertySource(properties = {
    "kehou.auth.trusted-proxies=127.0.0.1,0:0:0:0:0:0:0:1",
    "kehou.auth.first-delay=2s",
    "kehou.auth.max-delay=6s"})
class LoginThrottleTests extends ApiTest {

  @Test
  void aStrangersFailuresDoNotLockTheAdminOutFromAnotherAddress() {
    Staff admin = newStaff(newSchool(), StaffRole.SCHOOL_ADMIN);
    String stranger = newAddress();
    for (int i = 0; i < 5; i++) {
      assertThat(loginFrom(stranger, admin.username(), "guess-" + i).getStatusCode().value()).isEqualTo(401);
    }

    ResponseEntity<Map> strangerWithTheRightPassword = loginFrom(stranger, admin.username(), PASSWORD);
    ResponseEntity<Map> adminAtTheOffice = loginFrom(newAddress(), admin.username(), PASSWORD);

    assertThat(strangerWithTheRightPassword.getStatusCode().value()).isEqualTo(429);
    assertThat(strangerWithTheRightPassword.getBody()).containsEntry("code", "LOGIN_THROTTLED");
    assertThat(strangerWithTheRightPassword.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNotBlank();
    assertThat(adminAtTheOffice.getStatusCode().value()).isEqualTo(200);
  }

  @Test
  void lookAlikesOfAUsernameCountAgainstThatAccountNotAFreshCounter() {
    Staff admin = newStaff(newSchool(), StaffRole.SCHOOL_ADMIN);
    String name = admin.username();
    String from = newAddress();
    String[] lookAlikes = {name, name.toUpperCase(), " " + name + " ", fullWidth(name), fullWidth(name.toUpperCase())};
    for (String lookAlike : lookAlikes) {
      assertThat(loginFrom(from, lookAlike, "not-the-password").getStatusCode().value()).isEqualTo(401);
    }

    assertThat(loginFrom(from, name, PASSWORD).getStatusCode().value()).isEqualTo(429);
  }

  @Test
  void unknownUsernamesFromOneAddressShareOneCounterAndDoNotBlockRealAccounts() {
    Staff admin = newStaff(newSchool(), StaffRole.SCHOOL_ADMIN);
    String from = newAddress();
    String accented = "á" + admin.username().substring(1);
    String[] inventedNames = {accented, unique("admin"), unique("root"), unique("test"), unique("ａｄｍｉｎ")};
    for (String invented : inventedNames) {
      assertThat(loginFrom(from, invented, PASSWORD).getStatusCode().value()).isEqualTo(401);
    }

    assertThat(loginFrom(from, unique("yet-another"), PASSWORD).getStatusCode().value()).isEqualTo(429);
    assertThat(loginFrom(from, accented, PASSWORD).getStatusCode().value()).isEqualTo(429);
    assertThat(loginFrom(newAddress(), unique("yet-another"), PASSWORD).getStatusCode().value()).isEqualTo(401);
    assertThat(loginFrom(from, admin.username(), PASSWORD).getStatusCode().value()).isEqualTo(200);
  }

  @Test
  void theWaitGrowsWithEveryFailureAfterTheLimitUpToTheLongest() {
    Staff admin = newStaff(newSchool(), StaffRole.SCHOOL_ADMIN);
    String from = newAddress();
    String lock = "kehou:auth:failures:account:" + admin.id() + ":" + from + ":lock";
    for (int i = 0; i < 5; i++) {
      loginFrom(from, admin.username(), "guess-" + i);
    }

    assertThat(retryAfter(loginFrom(from, admin.username(), PASSWORD))).isBetween(1L, 2L);
    await().atMost(Duration.ofSeconds(5)).until(() -> !redis.exists(lock));
    assertThat(loginFrom(from, admin.username(), "guess-6").getStatusCode().value()).isEqualTo(401);
    assertThat(retryAfter(loginFrom(from, admin.username(), PASSWORD))).isBetween(3L, 4L);
    await().atMost(Duration.ofSeconds(7)).until(() -> !redis.exists(lock));
    assertThat(loginFrom(from, admin.username(), "guess-7").getStatusCode().value()).isEqualTo(401);
    assertThat(retryAfter(loginFrom(from, admin.username(), PASSWORD))).isBetween(5L, 6L);
  }

  private static long retryAfter(ResponseEntity<Map> response) {
    assertThat(response.getStatusCode().value()).isEqualTo(429);
    return Long.parseLong(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER));
  }

  /** A documentation-range IPv6 address no other test or run uses. */
  private static String newAddress() {
    String hex = UUID.randomUUID().toString().replace("-", "");
    return "2001:db8:" + hex.substring(0, 4) + ":" + hex.substring(4, 8) + "::" + hex.substring(8, 12);
  }

  private ResponseEntity<Map> loginFrom(String address, String username, String password) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.set("X-Forwarded-For", "198.51.100.7, " + address);
    return http.postForEntity("/api/v1/auth/login",
        new HttpEntity<>(Map.of("username", username, "password", password), headers), Map.class);
  }

  private static String fullWidth(String ascii) {
    StringBuilder out = new StringBuilder();
    for (char c : ascii.toCharArray()) {
      out.append(c > 0x20 && c < 0x7F ? (char) (c - 0x21 + 0xFF01) : c);
    }
    return out.toString();
  }
}
