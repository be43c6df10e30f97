package org.kehou.bot;

import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/** The simulator's safe-mode posting, for webhook tests in feature packages. */
public final class WebhookPosts {

  public static final String ACCOUNT = WechatSimulator.ACCOUNT;

  private WebhookPosts() {
  }

  public static String openid() {
    return WechatSimulator.openid();
  }

  public static String text(String openid, String content) {
    return WechatSimulator.textXml(openid, content, WechatSimulator.nextMsgId());
  }

  /** Posts {@code xml} as WeChat would in safe mode, signed and encrypted; the body is the raw (encrypted) answer. */
  public static ResponseEntity<String> post(TestRestTemplate http, String xml) {
    return new WechatSimulator(http, true).post(xml);
  }
}
