package org.kehou.bot.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

@AutoConfigureTestRestTemplate
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "kehou.wechat.token=floor-test-token")
class BenchFloorOffTests {

  @Autowired
  TestRestTemplate http;

  @Test
  void floorDoesNotExistUnlessSwitchedOn() throws Exception {
    String url = "/bench/floor?signature=" + BenchFloorTests.sign("floor-test-token", "1700000000", "4242")
        + "&timestamp=1700000000&nonce=4242&openid=floor-parent";

    ResponseEntity<String> reply = http.postForEntity(url, BenchFloorTests.MESSAGE, String.class);

    assertThat(reply.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }
}
