package org.kehou.bot.demo;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The demo profile is for one machine: it listens on loopback and its proxy reaches the admin API's /api/v1 only. */
@ActiveProfiles("demo")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DemoProxyTests {

  static final WireMockServer ADMIN_API = new WireMockServer(WireMockConfiguration.options().dynamicPort());
  static final WireMockServer ELSEWHERE = new WireMockServer(WireMockConfiguration.options().dynamicPort());

  static {
    ADMIN_API.start();
    ELSEWHERE.start();
  }

  @DynamicPropertySource
  static void demo(DynamicPropertyRegistry registry) {
    registry.add("kehou.demo.admin-api-base", ADMIN_API::baseUrl);
    registry.add("kehou.wechat.api-base", ELSEWHERE::baseUrl);
    registry.add("kehou.wechat.install-menu", () -> "false");
    registry.add("kehou.wechat.app-id", () -> "wxdemoproxytest00");
    registry.add("kehou.wechat.secret", () -> "test-secret");
    registry.add("kehou.wechat.token", () -> "demoproxytoken");
  }

  @AfterAll
  static void stop() {
    ADMIN_API.stop();
    ELSEWHERE.stop();
  }

  @LocalServerPort
  int port;
  @Autowired
  ServerProperties server;

  final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void answerEverything() {
    ADMIN_API.resetAll();
    ELSEWHERE.resetAll();
    ADMIN_API.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("[]")));
    ELSEWHERE.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("reached")));
  }

  @Test
  void theDemoListensOnLoopbackOnlyUnlessToldOtherwise() {
    assertThat(server.getAddress()).isEqualTo(InetAddress.getLoopbackAddress());
  }

  @Test
  void theProxyForwardsApiCallsWithTheirTokenToTheConfiguredAdminApi() throws Exception {
    HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + port + "/demo/admin-api/api/v1/offerings?term=1"))
        .header("Authorization", "Bearer t0ken").build(), HttpResponse.BodyHandlers.ofString());

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).isEqualTo("[]");
    ADMIN_API.verify(getRequestedFor(urlEqualTo("/api/v1/offerings?term=1"))
        .withHeader("Authorization", equalTo("Bearer t0ken")));
  }

  @Test
  void theProxyReachesNothingButTheAdminApisApi() throws Exception {
    String elsewhere = "127.0.0.1:" + ELSEWHERE.port();
    for (String path : new String[] {"/actuator/health", "/v3/api-docs", "/api/v2/offerings", "/api/v1x",
        "/api/v1/%2e%2e/actuator/health", "/api/v1/%2F%2F" + elsewhere + "/x", "/api/v1/.hidden/../../actuator",
        "/@" + elsewhere + "/api/v1/offerings", "//" + elsewhere + "/api/v1/offerings",
        "/api/v1@" + elsewhere + "/offerings", "/api/v1/%40" + elsewhere}) {
      HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + port + "/demo/admin-api" + path)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(answer.statusCode()).as(path).isBetween(400, 499);
      assertThat(answer.body()).as(path).doesNotContain("reached");
    }
    HttpResponse<String> hostHeader = http.send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + port + "/demo/admin-api/api/v1/offerings"))
        .header("X-Forwarded-Host", elsewhere).build(), HttpResponse.BodyHandlers.ofString());

    assertThat(hostHeader.statusCode()).isEqualTo(200);
    ADMIN_API.verify(1, anyRequestedFor(anyUrl()));
    ELSEWHERE.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void aTargetIsBuiltOnTheConfiguredServerOnly() {
    AdminApiProxy proxy = new AdminApiProxy("http://127.0.0.1:9/ignored/path/");

    assertThat(proxy.target("/api/v1/classes", "a=1")).hasToString("http://127.0.0.1:9/api/v1/classes?a=1");
    assertThat(proxy.target("/api/v1/classes", "x=@evil.example#y")).hasHost("127.0.0.1").hasPort(9);
    assertThat(proxy.target("/api/v1/../actuator", null)).isNull();
    assertThat(proxy.target("http://evil.example/api/v1", null)).isNull();
  }
}
