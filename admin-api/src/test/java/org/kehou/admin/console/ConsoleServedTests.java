package org.kehou.admin.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.kehou.admin.ApiTest;
import org.springframework.http.ResponseEntity;

class ConsoleServedTests extends ApiTest {

  @Test
  void theConsoleIsServedAtConsoleWithoutAToken() {
    ResponseEntity<String> page = http.getForEntity("/console/", String.class);

    assertThat(page.getStatusCode().value()).isEqualTo(200);
    assertThat(page.getHeaders().getContentType().toString()).startsWith("text/html");
    assertThat(page.getBody()).contains("<div id=\"app\">", "/console/assets/");
  }

  @Test
  void theConsolesScriptsAreServedAndTheApiStillNeedsAToken() {
    ResponseEntity<String> page = http.getForEntity("/console/index.html", String.class);
    String script = page.getBody().replaceAll("(?s).*src=\"(/console/assets/[^\"]+\\.js)\".*", "$1");

    assertThat(http.getForEntity(script, String.class).getStatusCode().value()).isEqualTo(200);
    assertThat(http.getForEntity("/api/v1/classes", String.class).getStatusCode().value()).isEqualTo(401);
  }
}
