package org.kehou.admin.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kehou.admin.ApiTest;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

class RosterUploadLimitTests extends ApiTest {

  static final int LIMIT = 10 * 1024 * 1024;

  @Test
  void aRawBodyRosterOverTheLimitIs413WithAProblemDetailAndImportsNothing() {
    long school = newSchool();
    String admin = adminToken(school);
    byte[] head = (RosterImportTests.ROSTER).getBytes(StandardCharsets.UTF_8);
    byte[] oversize = Arrays.copyOf(head, LIMIT + 1);
    Arrays.fill(oversize, head.length, oversize.length, (byte) '\n');

    ResponseEntity<Map> refused = raw(admin, oversize);

    assertThat(refused.getStatusCode().value()).isEqualTo(413);
    assertThat(refused.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    assertThat(refused.getBody()).containsEntry("code", "ROSTER_TOO_LARGE");
    assertThat((String) refused.getBody().get("detail")).contains("10 MB");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM student WHERE school_id = ?", Integer.class, school)).isZero();
  }

  private ResponseEntity<Map> raw(String token, byte[] body) {
    HttpHeaders headers = bearer(token);
    headers.setContentType(MediaType.parseMediaType("text/csv"));
    return http.exchange("/api/v1/roster/import", HttpMethod.POST, new HttpEntity<>(body, headers), Map.class);
  }
}
