package org.kehou.bot;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One bot with a fake WeChat API (WireMock) for every webhook test class, so they share one Spring context. The account
 * is in safe mode (an EncodingAESKey is configured), as the README recommends: every message comes encrypted.
 */
@AutoConfigureTestRestTemplate
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class WebhookTestSupport {

  protected static final WireMockServer WECHAT_API = new WireMockServer(WireMockConfiguration.options().dynamicPort());

  static {
    WECHAT_API.start();
    Runtime.getRuntime().addShutdownHook(new Thread(WECHAT_API::stop));
  }

  @DynamicPropertySource
  protected static void wechat(DynamicPropertyRegistry registry) {
    registry.add("kehou.wechat.api-base", WECHAT_API::baseUrl);
    registry.add("kehou.wechat.app-id", () -> WechatSimulator.APP_ID);
    registry.add("kehou.wechat.secret", () -> "test-secret");
    registry.add("kehou.wechat.token", () -> WechatSimulator.TOKEN);
    registry.add("kehou.wechat.aes-key", () -> WechatSimulator.AES_KEY);
  }

  @Autowired
  TestRestTemplate http;

  @Autowired
  JdbcTemplate jdbc;

  WechatSimulator safe() {
    return new WechatSimulator(http, true);
  }
}
