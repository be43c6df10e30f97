package org.kehou.bot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;

@AutoConfigureTestRestTemplate
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BotStartsTests {

  @Autowired
  TestRestTemplate http;

  @Test
  void botReportsHealthyAgainstRealDatabaseAndRedis() {
    String body = http.getForObject("/actuator/health", String.class);
    assertThat(body).contains("\"status\":\"UP\"");
  }
}
