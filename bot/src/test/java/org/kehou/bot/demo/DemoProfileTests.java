package org.kehou.bot.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/** Without the demo profile (every real deployment) nothing of the simulator exists. */
@AutoConfigureTestRestTemplate
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DemoProfileTests {

  @Autowired
  TestRestTemplate http;

  @Test
  void simulatorPageAndFakeWechatApiAreNotFoundOutsideTheDemoProfile() {
    for (String path : new String[] {"/demo/", "/demo", "/demo/page/index.html", "/demo/page/simulator.js",
        "/demo/api/guardians", "/demo/api/wechat", "/demo/api/menu", "/demo/api/scan?text=ABCD2345",
        "/demo/wechat-api/cgi-bin/token?grant_type=client_credential", "/demo/admin-api/api/v1/offerings"}) {
      assertThat(http.getForEntity(path, String.class).getStatusCode()).as("GET " + path)
          .isEqualTo(HttpStatus.NOT_FOUND);
    }
    for (String path : new String[] {"/demo/wechat-api/cgi-bin/stable_token",
        "/demo/wechat-api/cgi-bin/message/custom/send", "/demo/wechat-api/cgi-bin/message/template/send",
        "/demo/wechat-api/cgi-bin/menu/create", "/demo/wechat-api/cgi-bin/qrcode/create", "/demo/api/time-travel/applications/1/end-publicity",
        "/demo/admin-api/api/v1/auth/login"}) {
      assertThat(http.exchange(path, HttpMethod.POST, new HttpEntity<>("{}"), String.class).getStatusCode())
          .as("POST " + path).isEqualTo(HttpStatus.NOT_FOUND);
    }
  }
}
