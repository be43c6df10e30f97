package org.kehou.bot.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
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
    properties = {"kehou.bench.floor-enabled=true", "kehou.wechat.token=floor-test-token"})
class BenchFloorTests {

  static final String MESSAGE = "<xml><ToUserName><![CDATA[gh_test]]></ToUserName>"
      + "<FromUserName><![CDATA[floor-parent]]></FromUserName><CreateTime>1700000000</CreateTime>"
      + "<MsgType><![CDATA[text]]></MsgType><Content><![CDATA[状态]]></Content><MsgId>1</MsgId></xml>";

  @Autowired
  TestRestTemplate http;

  @Test
  void correctlySignedMessageIsAnsweredSuccess() throws Exception {
    String url = "/bench/floor?signature=" + sign("floor-test-token", "1700000000", "4242")
        + "&timestamp=1700000000&nonce=4242&openid=floor-parent";

    ResponseEntity<String> reply = http.postForEntity(url, MESSAGE, String.class);

    assertThat(reply.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(reply.getBody()).isEqualTo("success");
  }

  @Test
  void messageSignedWithAnotherTokenIsForbidden() throws Exception {
    String url = "/bench/floor?signature=" + sign("someone-elses-token", "1700000000", "4242")
        + "&timestamp=1700000000&nonce=4242&openid=floor-parent";

    ResponseEntity<String> reply = http.postForEntity(url, MESSAGE, String.class);

    assertThat(reply.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(reply.getBody()).isNull();
  }

  @Test
  void unsignedMessageIsForbidden() {
    ResponseEntity<String> reply = http.postForEntity("/bench/floor?openid=floor-parent", MESSAGE, String.class);

    assertThat(reply.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  static String sign(String token, String timestamp, String nonce) throws Exception {
    String[] parts = {token, timestamp, nonce};
    Arrays.sort(parts);
    byte[] digest = MessageDigest.getInstance("SHA-1").digest(String.join("", parts).getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(digest);
  }
}
