package org.kehou.bot;

import static org.assertj.core.api.Assertions.assertThat;

import me.chanjar.weixin.common.util.crypto.SHA1;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The webhook of an account in safe mode (the README's recommendation): what it answers, and what it refuses. */
class WebhookPortalTests extends WebhookTestSupport {

  @Test
  void urlVerificationEchoesOnlyForWeChatsSignature() {
    String ts = Long.toString(WechatSimulator.now());
    ResponseEntity<String> good = http.getForEntity("/wechat/portal?signature=" + WechatSimulator.sign(ts, "42")
        + "&timestamp=" + ts + "&nonce=42&echostr=hello-wechat", String.class);
    assertThat(good.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(good.getBody()).isEqualTo("hello-wechat");

    ResponseEntity<String> bad = http.getForEntity("/wechat/portal?signature=0000&timestamp=" + ts
        + "&nonce=42&echostr=hello-wechat", String.class);
    assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(bad.getBody()).doesNotContain("hello-wechat");
  }

  @Test
  void messageWithABadSignatureIsForbiddenAndNotHandled() {
    WechatSimulator.Call call = safe().sign(WechatSimulator.textXml(WechatSimulator.openid(), "帮助",
        WechatSimulator.nextMsgId()), WechatSimulator.now());
    String forged = call.url().replaceFirst("signature=[0-9a-f]+", "signature=deadbeef");
    ResponseEntity<String> response = safe().postRaw(forged, call.body());
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

    ResponseEntity<String> unsigned = safe().postRaw("/wechat/portal?encrypt_type=aes", call.body());
    assertThat(unsigned.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void aPlainMessageIsForbiddenOnceSafeModeIsConfiguredEvenWhenCorrectlySigned() {
    WechatSimulator plain = new WechatSimulator(http, false);
    String openid = WechatSimulator.openid();

    ResponseEntity<String> response = plain.post(WechatSimulator.textXml(openid, "帮助", WechatSimulator.nextMsgId()));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(response.getBody()).doesNotContain("告家长书");
  }

  @Test
  void aSignatureOffByOneCharacterOrInAnotherCaseIsForbidden() {
    String ts = Long.toString(WechatSimulator.now());
    String right = WechatSimulator.sign(ts, "77");
    String almost = right.substring(0, 39) + (right.charAt(39) == '0' ? '1' : '0');
    ResponseEntity<String> response = http.getForEntity("/wechat/portal?signature=" + almost + "&timestamp=" + ts
        + "&nonce=77&echostr=x", String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<String> upper = http.getForEntity("/wechat/portal?signature=" + right.toUpperCase()
        + "&timestamp=" + ts + "&nonce=77&echostr=x", String.class);
    assertThat(upper.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void anEmptyOrNonNumericTimestampIsForbiddenEvenWhenSigned() {
    for (String ts : new String[] {"", "soon", "1e9", "+1764640000", " 1764640000", "17646400000000000000"}) {
      ResponseEntity<String> response = http.getForEntity("/wechat/portal?signature={s}&timestamp={t}&nonce=9"
          + "&echostr=x", String.class, WechatSimulator.sign(ts, "9"), ts);
      assertThat(response.getStatusCode()).as("timestamp '%s'", ts).isEqualTo(HttpStatus.FORBIDDEN);
    }
  }

  @Test
  void aTimestampOutsideTheWindowIsForbiddenEitherSide() {
    for (long offset : new long[] {-3600, +3600}) {
      WechatSimulator.Call call = safe().sign(WechatSimulator.textXml(WechatSimulator.openid(), "帮助",
          WechatSimulator.nextMsgId()), WechatSimulator.now() + offset);
      assertThat(safe().post(call).getStatusCode()).as("offset %d s", offset).isEqualTo(HttpStatus.FORBIDDEN);
    }
    WechatSimulator.Call recent = safe().sign(WechatSimulator.textXml(WechatSimulator.openid(), "帮助",
        WechatSimulator.nextMsgId()), WechatSimulator.now() - 120);
    assertThat(safe().post(recent).getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void weChatResendingTheVerySameCallGetsTheKeptReplyNotARefusal() {
    WechatSimulator wechat = safe();
    WechatSimulator.Call call = wechat.sign(WechatSimulator.textXml(WechatSimulator.openid(), "帮助",
        WechatSimulator.nextMsgId()), WechatSimulator.now());

    ResponseEntity<String> first = wechat.post(call);
    ResponseEntity<String> again = wechat.post(call);

    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(wechat.replyText(again.getBody())).isEqualTo(wechat.replyText(first.getBody())).contains("告家长书");
  }

  @Test
  void malformedXmlIsABadRequestWithoutATrace() {
    ResponseEntity<String> response = safe().post("<xml><ToUserName>gh</ToUserName><FromUserName>");
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody()).doesNotContain("Exception").doesNotContain("at org.");
  }

  @Test
  void aMessageWithAFieldTwiceIsABadRequest() {
    String openid = WechatSimulator.openid();
    String twice = WechatSimulator.textXml(openid, "帮助", WechatSimulator.nextMsgId())
        .replace("</xml>", "<FromUserName><![CDATA[" + WechatSimulator.openid() + "]]></FromUserName></xml>");
    assertThat(safe().post(twice).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

    WechatSimulator.Call call = safe().sign(WechatSimulator.textXml(openid, "帮助", WechatSimulator.nextMsgId()),
        WechatSimulator.now());
    String twoEnvelopes = call.body().replace("</xml>", "<Encrypt><![CDATA[x]]></Encrypt></xml>");
    assertThat(safe().postRaw(call.url(), twoEnvelopes).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
  }

  @Test
  void externalEntityPayloadIsRefusedAndReadsNoFile() {
    String xxe = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY leak SYSTEM \"file:///etc/passwd\">]>"
        + "<xml><ToUserName>gh</ToUserName><FromUserName>o1</FromUserName><CreateTime>1</CreateTime>"
        + "<MsgType>text</MsgType><Content>&leak;</Content><MsgId>1</MsgId></xml>";
    ResponseEntity<String> response = safe().post(xxe);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody()).doesNotContain("root:").doesNotContain("/etc/passwd").doesNotContain("Exception");
  }

  @Test
  void entityExpansionPayloadIsRefused() {
    String laughs = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
        + "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
        + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]>"
        + "<xml><ToUserName>gh</ToUserName><FromUserName>o1</FromUserName><MsgType>text</MsgType>"
        + "<Content>&lol3;</Content></xml>";
    assertThat(safe().post(laughs).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
  }

  @Test
  void oversizedBodyIsRefused() {
    String huge = WechatSimulator.textXml(WechatSimulator.openid(), "帮".repeat(30_000), WechatSimulator.nextMsgId());
    assertThat(safe().post(huge).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
  }

  @Test
  void helpListsTheCommands() {
    String reply = safe().say(WechatSimulator.openid(), "帮助");
    assertThat(reply).contains("绑定", "告家长书", "报名", "状态");
  }

  @Test
  void unknownTextGetsTheHelpReply() {
    String reply = safe().say(WechatSimulator.openid(), "今天下雨吗");
    assertThat(reply).contains("没有看懂").contains("报名").contains("绑定");
  }

  @Test
  void pictureGetsTheHelpReplyRatherThanSilence() {
    String openid = WechatSimulator.openid();
    String image = "<xml><ToUserName><![CDATA[gh_kehou_test]]></ToUserName><FromUserName><![CDATA[" + openid
        + "]]></FromUserName><CreateTime>" + WechatSimulator.now() + "</CreateTime><MsgType><![CDATA[image]]>"
        + "</MsgType><PicUrl><![CDATA[http://example.com/a.jpg]]></PicUrl><MediaId><![CDATA[m1]]></MediaId>"
        + "<MsgId>" + WechatSimulator.nextMsgId() + "</MsgId></xml>";
    ResponseEntity<String> response = safe().post(image);
    assertThat(safe().replyText(response.getBody())).contains("没有看懂");
  }

  @Test
  void newFollowerIsToldHowToBind() {
    WechatSimulator wechat = safe();
    ResponseEntity<String> response =
        wechat.post(WechatSimulator.eventXml(WechatSimulator.openid(), "subscribe", WechatSimulator.now()));
    assertThat(wechat.replyText(response.getBody())).contains("绑定 绑定码");
  }

  @Test
  void safeModeRequestGetsAnEncryptedReply() {
    WechatSimulator wechat = safe();
    ResponseEntity<String> response =
        wechat.post(WechatSimulator.textXml(WechatSimulator.openid(), "帮助", WechatSimulator.nextMsgId()));
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getBody()).contains("<Encrypt>").doesNotContain("告家长书");
    assertThat(wechat.replyText(response.getBody())).contains("告家长书");
  }

  @Test
  void safeModeWithABadMessageSignatureIsForbidden() {
    WechatSimulator.Call call = safe().sign(WechatSimulator.textXml(WechatSimulator.openid(), "帮助",
        WechatSimulator.nextMsgId()), WechatSimulator.now());
    ResponseEntity<String> response = safe().postRaw(call.url().replaceFirst("msg_signature=[0-9a-f]+",
        "msg_signature=0123456789abcdef"), call.body());
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void safeModeMessageForAnotherAccountIsForbidden() {
    WechatSimulator stranger = new WechatSimulator(http, true, "wx9999otherapp");
    ResponseEntity<String> response =
        stranger.post(WechatSimulator.textXml(WechatSimulator.openid(), "帮助", WechatSimulator.nextMsgId()));
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void safeModeGarbageCipherTextIsABadRequest() {
    String ts = Long.toString(WechatSimulator.now());
    String nonce = "992";
    String garbage = "bm90IGEgY2lwaGVyIHRleHQ=";
    String msgSignature = SHA1.gen(WechatSimulator.TOKEN, ts, nonce, garbage);
    ResponseEntity<String> response = safe().postRaw("/wechat/portal?signature=" + WechatSimulator.sign(ts, nonce)
            + "&timestamp=" + ts + "&nonce=" + nonce + "&encrypt_type=aes&msg_signature=" + msgSignature,
        "<xml><Encrypt><![CDATA[" + garbage + "]]></Encrypt></xml>");
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
  }
}
