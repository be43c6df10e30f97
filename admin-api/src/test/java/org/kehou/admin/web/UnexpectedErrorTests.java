package org.kehou.admin.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kehou.admin.ApiTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@Import(UnexpectedErrorTests.Failing.class)
class UnexpectedErrorTests extends ApiTest {

  @Test
  void anUnexpectedFailureIsAGeneric500WithoutItsMessageOrStackTrace() {
    ResponseEntity<String> response = http.exchange("/api/v1/test-failure", org.springframework.http.HttpMethod.GET,
        new org.springframework.http.HttpEntity<>(bearer(adminToken(newSchool()))), String.class);

    assertThat(response.getStatusCode().value()).isEqualTo(500);
    assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    assertThat(response.getBody()).contains("\"code\":\"INTERNAL\"").doesNotContain("internal secret")
        .doesNotContain("IllegalStateException").doesNotContain("at org.");
  }

  @TestConfiguration
  static class Failing {
    @RestController
    static class FailingController {
      @GetMapping("/api/v1/test-failure")
      Map<String, String> fail() {
        throw new IllegalStateException("internal secret");
      }
    }
  }
}
