package org.kehou.bot;

import static org.assertj.core.api.Assertions.assertThat;

import me.chanjar.weixin.common.util.crypto.WxCryptUtil;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

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
    String openid = WechatSimulator.openid();
    String ts = Long.toString(WechatSimulator.now());
    ResponseEntity<String> response = plain().postRaw("/wechat/portal?signature=deadbeef&timestamp=" + ts
        + "&nonce=7", WechatSimulator.textXml(openid, "帮助", WechatSimulator.nextMsgId()));
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

    ResponseEntity<String> unsigned = plain().postRaw("/wechat/portal",
        WechatSimulator.textXml(openid, "帮助", WechatSimulator.nextMsgId()));
    assertThat(unsigned.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void malformedXmlIsABadRequestWithoutATrace() {
    ResponseEntity<String> response = signedPost("<xml><ToUserName>gh</ToUserName><FromUserName>");
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody()).doesNotContain("Exception").doesNotContain("at org.");
  }

  @Test
  void externalEntityPayloadIsRefusedAndReadsNoFile() {
    String xxe = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY leak SYSTEM \"file:///etc/passwd\">]>"
        + "<xml><ToUserName>gh</ToUserName><FromUserName>o1</FromUserName><CreateTime>1</CreateTime>"
        + "<MsgType>text</MsgType><Content>&leak;</Content><MsgId>1</MsgId></xml>";
    ResponseEntity<String> response = signedPost(xxe);
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
    assertThat(signedPost(laughs).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
  }

  @Test
  void oversizedBodyIsRefused() {
    String huge = WechatSimulator.textXml(WechatSimulator.openid(), "帮".repeat(30_000), WechatSimulator.nextMsgId());
    assertThat(signedPost(huge).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
  }

  @Test
  void helpListsTheCommands() {
    String reply = plain().say(WechatSimulator.openid(), "帮助");
    assertThat(reply).contains("绑定", "告家长书", "报名", "状态");
  }

  @Test
  void unknownTextGetsTheHelpReply() {
    String reply = plain().say(WechatSimulator.openid(), "今天下雨吗");
    assertThat(reply).contains("没有看懂").contains("报名").contains("绑定");
  }

  @Test
  void pictureGetsTheHelpReplyRatherThanSilence() {
    String openid = WechatSimulator.openid();
    String image = "<xml><ToUserName><![CDATA[gh_kehou_test]]></ToUserName><FromUserName><![CDATA[" + openid
        + "]]></FromUserName><CreateTime>" + WechatSimulator.now() + "</CreateTime><MsgType><![CDATA[image]]>"
        + "</MsgType><PicUrl><![CDATA[http://example.com/a.jpg]]></PicUrl><MediaId><![CDATA[m1]]></MediaId>"
        + "<MsgId>" + WechatSimulator.nextMsgId() + "</MsgId></xml>";
    ResponseEntity<String> response = plain().post(image);
    assertThat(plain().replyText(response.getBody())).contains("没有看懂");
  }

  @Test
  void newFollowerIsToldHowToBind() {
    WechatSimulator wechat = plain();
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
    WxCryptUtil crypt = new WxCryptUtil(WechatSimulator.TOKEN, WechatSimulator.AES_KEY, WechatSimulator.APP_ID);
    WxCryptUtil.EncryptContext context =
        crypt.encryptContext(WechatSimulator.textXml(WechatSimulator.openid(), "帮助", WechatSimulator.nextMsgId()));
    String ts = context.getTimeStamp();
    ResponseEntity<String> response = plain().postRaw("/wechat/portal?signature=" + WechatSimulator.sign(ts,
            context.getNonce()) + "&timestamp=" + ts + "&nonce=" + context.getNonce()
            + "&encrypt_type=aes&msg_signature=0123456789abcdef",
        "<xml><Encrypt><![CDATA[" + context.getEncrypt() + "]]></Encrypt></xml>");
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
  void safeModeReplayOfAnOldMessageIsForbidden() {
    String ts = Long.toString(WechatSimulator.now() - 3600);
    String nonce = "991";
    WxCryptUtil crypt = new WxCryptUtil(WechatSimulator.TOKEN, WechatSimulator.AES_KEY, WechatSimulator.APP_ID);
    String encrypted = crypt.encrypt("abcdefghijklmnop",
        WechatSimulator.textXml(WechatSimulator.openid(), "帮助", WechatSimulator.nextMsgId()));
    String msgSignature = me.chanjar.weixin.common.util.crypto.SHA1.gen(WechatSimulator.TOKEN, ts, nonce, encrypted);
    ResponseEntity<String> response = plain().postRaw("/wechat/portal?signature=" + WechatSimulator.sign(ts, nonce)
            + "&timestamp=" + ts + "&nonce=" + nonce + "&encrypt_type=aes&msg_signature=" + msgSignature,
        "<xml><Encrypt><![CDATA[" + encrypted + "]]></Encrypt></xml>");
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void safeModeGarbageCipherTextIsABadRequest() {
    String ts = Long.toString(WechatSimulator.now());
    String nonce = "992";
    String garbage = "bm90IGEgY2lwaGVyIHRleHQ=";
    String msgSignature = me.chanjar.weixin.common.util.crypto.SHA1.gen(WechatSimulator.TOKEN, ts, nonce, garbage);
    ResponseEntity<String> response = plain().postRaw("/wechat/portal?signature=" + WechatSimulator.sign(ts, nonce)
            + "&timestamp=" + ts + "&nonce=" + nonce + "&encrypt_type=aes&msg_signature=" + msgSignature,
        "<xml><Encrypt><![CDATA[" + garbage + "]]></Encrypt></xml>");
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
  }

  private ResponseEntity<String> signedPost(String body) {
    String ts = Long.toString(WechatSimulator.now());
    return plain().postRaw("/wechat/portal?signature=" + WechatSimulator.sign(ts, "5") + "&timestamp=" + ts
        + "&nonce=5", body);
  }
}
