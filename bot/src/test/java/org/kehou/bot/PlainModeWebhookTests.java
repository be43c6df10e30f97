package org.kehou.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An account in 明文模式 (no EncodingAESKey): the signature covers the token, timestamp and nonce but not the body, so
 * a signed URL is good for the one message WeChat sent with it, and only while its timestamp is in the window.
 */
// The tests' default settings are such an account (token, no key): the context is the one BotStartsTests also uses.
@AutoConfigureTestRestTemplate
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PlainModeWebhookTests {

  @Autowired
  TestRestTemplate http;

  @Autowired
  JdbcTemplate jdbc;

  private WechatSimulator wechat() {
    return new WechatSimulator(http, false);
  }

  @Test
  void aPlainAccountsMessagesAreAnswered() {
    assertThat(wechat().say(WechatSimulator.openid(), "帮助")).contains("绑定", "告家长书", "报名", "状态");
  }

  @Test
  void aSignedUrlUsedOnceCannotCarryAnotherMessage() {
    String parent = WechatSimulator.openid();
    WechatSimulator.Call genuine = wechat().sign(WechatSimulator.textXml(parent, "帮助", WechatSimulator.nextMsgId()),
        WechatSimulator.now());
    assertThat(wechat().post(genuine).getStatusCode()).isEqualTo(HttpStatus.OK);

    // Someone who read the URL in a proxy log posts their own message under it, as the same parent or another.
    for (String sender : new String[] {parent, WechatSimulator.openid()}) {
      String forged = WechatSimulator.textXml(sender, "状态", WechatSimulator.nextMsgId());
      ResponseEntity<String> response = wechat().postRaw(genuine.url(), forged);
      assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(response.getBody()).doesNotContain("状态");
    }
  }

  @Test
  void weChatResendingTheVerySameCallHasOneEffectAndTheSameReply() {
    Fixture school = Fixture.school(jdbc);
    long guardian = school.guardian("钟敏", school.student(school.schoolClass(5, "五年级3班"), "钟小满"));
    String openid = WechatSimulator.openid();
    WechatSimulator.Call call = wechat().sign(WechatSimulator.textXml(openid, "绑定 " + school.code(guardian),
        WechatSimulator.nextMsgId()), WechatSimulator.now());

    List<String> replies = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ResponseEntity<String> response = wechat().post(call);
      assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
      replies.add(wechat().replyText(response.getBody()));
    }

    assertThat(replies.get(0)).contains("绑定成功", "钟小满");
    assertThat(replies).containsOnly(replies.get(0));
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM wechat_binding WHERE guardian_id = ?", Integer.class,
        guardian)).isOne();
  }

  @Test
  void aPlainMessageOutsideTheWindowIsForbidden() {
    WechatSimulator.Call old = wechat().sign(WechatSimulator.textXml(WechatSimulator.openid(), "帮助",
        WechatSimulator.nextMsgId()), WechatSimulator.now() - 3600);
    assertThat(wechat().post(old).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }
}
