package org.kehou.bot;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import me.chanjar.weixin.mp.api.WxMpService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import redis.clients.jedis.RedisClient;

class WechatAccessTokenTests extends WebhookTestSupport {

  @Autowired
  WxMpService wechat;

  @Autowired
  RedisClient redis;

  @Test
  void accessTokenIsFetchedOnceAsAStableTokenAndSharedThroughRedis() throws Exception {
    WECHAT_API.stubFor(post(urlPathEqualTo("/cgi-bin/stable_token")).willReturn(aResponse()
        .withHeader("Content-Type", "application/json")
        .withBody("{\"access_token\":\"TOKEN-FROM-FAKE-WECHAT\",\"expires_in\":7200}")));
    wechat.getWxMpConfigStorage().expireAccessToken();
    int before = WECHAT_API.findAll(postRequestedFor(urlPathEqualTo("/cgi-bin/stable_token"))).size();

    assertThat(wechat.getAccessToken()).isEqualTo("TOKEN-FROM-FAKE-WECHAT");
    assertThat(wechat.getAccessToken()).isEqualTo("TOKEN-FROM-FAKE-WECHAT");

    assertThat(WECHAT_API.findAll(postRequestedFor(urlPathEqualTo("/cgi-bin/stable_token")))).hasSize(before + 1);
    String key = redis.keys("kehou:wechat*" + WechatSimulator.APP_ID + "*").stream()
        .filter(k -> "TOKEN-FROM-FAKE-WECHAT".equals(redis.get(k))).findFirst().orElseThrow();
    assertThat(redis.ttl(key)).isPositive();
  }
}
