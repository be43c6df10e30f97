package org.kehou.admin.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kehou.admin.ApiTest;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

class ProblemDetailsTests extends ApiTest {

  @Test
  void unreadableJsonIsABadRequestWithoutStackTrace() {
    String token = adminToken(newSchool());
    ResponseEntity<String> response = http.exchange("/api/v1/terms", HttpMethod.POST,
        new HttpEntity<>("{\"name\": ", bearer(token)), String.class);

    assertThat(response.getStatusCode().value()).isEqualTo(400);
    assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    assertThat(response.getBody()).contains("\"code\":\"BAD_REQUEST\"").doesNotContain("Exception").doesNotContain("at org.");
  }

  @Test
  void unknownRouteIsNotFoundAndWrongMethodIsNotAllowed() {
    String token = adminToken(newSchool());
    ResponseEntity<Map> unknown = get("/api/v1/no-such-thing", token);
    ResponseEntity<Map> wrongMethod = call(HttpMethod.DELETE, "/api/v1/terms", token, null, Map.class);

    assertThat(unknown.getStatusCode().value()).isEqualTo(404);
    assertThat(unknown.getBody()).containsEntry("code", "NOT_FOUND");
    assertThat(wrongMethod.getStatusCode().value()).isEqualTo(405);
    assertThat(wrongMethod.getBody()).containsEntry("code", "METHOD_NOT_ALLOWED");
  }

  @Test
  void aMalformedPathVariableIsABadRequest() {
    ResponseEntity<Map> response = get("/api/v1/classes/not-a-number/students", adminToken(newSchool()));

    assertThat(response.getStatusCode().value()).isEqualTo(400);
    assertThat(response.getBody()).containsEntry("code", "BAD_REQUEST");
  }

  @Test
  void missingFieldsAreNamedInTheProblem() {
    String token = adminToken(newSchool());
    ResponseEntity<Map> response = post("/api/v1/terms", token, Map.of("name", "2026秋"));

    assertThat(response.getStatusCode().value()).isEqualTo(400);
    assertThat(response.getBody()).containsEntry("code", "INVALID_REQUEST");
    assertThat((String) response.getBody().get("detail")).contains("startsOn").contains("endsOn");
  }

  @Test
  void openApiDocumentAndSwaggerUiAreServedWithoutToken() {
    ResponseEntity<String> docs = http.getForEntity("/v3/api-docs", String.class);
    ResponseEntity<String> ui = http.getForEntity("/swagger-ui/index.html", String.class);

    assertThat(docs.getStatusCode().value()).isEqualTo(200);
    assertThat(docs.getBody()).contains("\"openapi\"").contains("/api/v1/auth/login").contains("/api/v1/terms")
        .contains("/api/v1/roster/import").contains("/api/v1/binding-codes").contains("/api/v1/offerings/{id}")
        .contains("/api/v1/applications/{id}/class-review").contains("/api/v1/publicity").contains("/api/v1/messages")
        .doesNotContain("\"name\":\"me\"");
    assertThat(ui.getStatusCode().value()).isEqualTo(200);
  }
}
