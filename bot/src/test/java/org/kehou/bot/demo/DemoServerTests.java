package org.kehou.bot.demo;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.InetAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import me.chanjar.weixin.mp.api.impl.WxMpServiceImpl;
import me.chanjar.weixin.mp.bean.result.WxMpQrCodeTicket;
import me.chanjar.weixin.mp.config.WxMpHostConfig;
import me.chanjar.weixin.mp.config.impl.WxMpDefaultConfigImpl;
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

/**
 * The demo profile is for one machine: it listens on loopback, and its page frames the staff console of the configured
 * admin API. Its fake WeChat API makes slips' QR codes the simulator can scan.
 */
@ActiveProfiles("demo")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DemoServerTests {

  static final WireMockServer ELSEWHERE = new WireMockServer(WireMockConfiguration.options().dynamicPort());

  static {
    ELSEWHERE.start();
  }

  @DynamicPropertySource
  static void demo(DynamicPropertyRegistry registry) {
    registry.add("kehou.demo.admin-api-base", () -> "http://127.0.0.1:8182/");
    registry.add("kehou.wechat.api-base", ELSEWHERE::baseUrl);
    registry.add("kehou.wechat.install-menu", () -> "false");
    registry.add("kehou.wechat.app-id", () -> "wxdemoproxytest00");
    registry.add("kehou.wechat.secret", () -> "test-secret");
    registry.add("kehou.wechat.token", () -> "demoproxytoken");
  }

  @AfterAll
  static void stop() {
    ELSEWHERE.stop();
  }

  @LocalServerPort
  int port;
  @Autowired
  ServerProperties server;

  final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void answerEverything() {
    ELSEWHERE.resetAll();
    ELSEWHERE.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("reached")));
  }

  @Test
  void theDemoListensOnLoopbackOnlyUnlessToldOtherwise() {
    assertThat(server.getAddress()).isEqualTo(InetAddress.getLoopbackAddress());
  }

  @Test
  void theSimulatorFramesTheStaffConsoleOfTheConfiguredAdminApi() throws Exception {
    HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + port + "/demo/api/console")).build(), HttpResponse.BodyHandlers.ofString());

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).isEqualTo("{\"url\":\"http://127.0.0.1:8182/console/\"}");
  }

  @Test
  void theFakeWeChatApiMakesQrCodesWhoseUrlTheSimulatorScansBackToTheCode() throws Exception {
    WxMpDefaultConfigImpl config = new WxMpDefaultConfigImpl();
    config.setAppId("wxdemoproxytest00");
    config.setSecret("test-secret");
    String fake = "http://127.0.0.1:" + port + "/demo/wechat-api";
    config.setHostConfig(WxMpHostConfig.builder().apiHost(fake).mpHost(fake).openHost(fake).build());
    WxMpServiceImpl wechat = new WxMpServiceImpl();
    wechat.setWxMpConfigStorage(config);

    WxMpQrCodeTicket ticket = wechat.getQrcodeService().qrCodeCreateTmpTicket("ABCD2345", 600);

    assertThat(ticket.getTicket()).isNotBlank();
    assertThat(ticket.getExpireSeconds()).isEqualTo(600);
    assertThat(ticket.getUrl()).startsWith("http://weixin.qq.com/q/02").doesNotContain("ABCD2345");
    assertThat(scan(ticket.getUrl())).isEqualTo("200 {\"scene\":\"ABCD2345\"}");
    assertThat(scan("abcd 2345")).as("a code typed in stands for its slip").isEqualTo("200 {\"scene\":\"ABCD2345\"}");
    assertThat(scan("http://weixin.qq.com/q/02unknown")).startsWith("404");
  }

  String scan(String text) throws Exception {
    HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
        + "/demo/api/scan?text=" + URLEncoder.encode(text, StandardCharsets.UTF_8))).build(),
        HttpResponse.BodyHandlers.ofString());
    return answer.statusCode() + " " + answer.body();
  }
}
