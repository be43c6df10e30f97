package org.kehou.bot;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import me.chanjar.weixin.common.util.crypto.SHA1;
import me.chanjar.weixin.common.util.crypto.WxCryptUtil;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Plays WeChat's servers: signs requests exactly as WeChat does, in plain or AES safe mode. */
final class WechatSimulator {

  static final String TOKEN = "kehou-test-token";
  static final String APP_ID = "wx0000kehoutest";
  static final String AES_KEY = "t9G9fSsW4FK0dNAlEYmD6OJWB88msJ9yLMGn7ubWKOs";
  static final String ACCOUNT = "gh_kehou_test";

  private static final AtomicLong MSG_IDS = new AtomicLong(System.currentTimeMillis() * 1000);
  private static final Pattern CONTENT = Pattern.compile("<Content><!\\[CDATA\\[(.*?)]]></Content>", Pattern.DOTALL);

  private final TestRestTemplate http;
  private final boolean safeMode;
  private final WxCryptUtil crypt;

  WechatSimulator(TestRestTemplate http, boolean safeMode) {
    this(http, safeMode, APP_ID);
  }

  /** {@code appId} other than the bot's makes a message meant for another official account. */
  WechatSimulator(TestRestTemplate http, boolean safeMode, String appId) {
    this.http = http;
    this.safeMode = safeMode;
    this.crypt = new WxCryptUtil(TOKEN, AES_KEY, appId);
  }

  static String openid() {
    return "o" + UUID.randomUUID().toString().replace("-", "");
  }

  static long nextMsgId() {
    return MSG_IDS.incrementAndGet();
  }

  static String textXml(String openid, String content, long msgId) {
    return "<xml><ToUserName><![CDATA[" + ACCOUNT + "]]></ToUserName><FromUserName><![CDATA[" + openid
        + "]]></FromUserName><CreateTime>" + now() + "</CreateTime><MsgType><![CDATA[text]]></MsgType>"
        + "<Content><![CDATA[" + content + "]]></Content><MsgId>" + msgId + "</MsgId></xml>";
  }

  static String eventXml(String openid, String event, long createTime) {
    return "<xml><ToUserName><![CDATA[" + ACCOUNT + "]]></ToUserName><FromUserName><![CDATA[" + openid
        + "]]></FromUserName><CreateTime>" + createTime + "</CreateTime><MsgType><![CDATA[event]]></MsgType>"
        + "<Event><![CDATA[" + event + "]]></Event></xml>";
  }

  /** An event with an EventKey: a menu tap, or a QR code scanned ({@code qrscene_<scene>} with a follow). */
  static String eventXml(String openid, String event, String eventKey, long createTime) {
    return "<xml><ToUserName><![CDATA[" + ACCOUNT + "]]></ToUserName><FromUserName><![CDATA[" + openid
        + "]]></FromUserName><CreateTime>" + createTime + "</CreateTime><MsgType><![CDATA[event]]></MsgType>"
        + "<Event><![CDATA[" + event + "]]></Event><EventKey><![CDATA[" + eventKey + "]]></EventKey></xml>";
  }

  static long now() {
    return System.currentTimeMillis() / 1000;
  }

  /** Sends a text and returns the text of the bot's reply (decrypted in safe mode). */
  String say(String openid, String content) {
    ResponseEntity<String> response = post(textXml(openid, content, nextMsgId()));
    if (!response.getStatusCode().is2xxSuccessful()) {
      throw new AssertionError("HTTP " + response.getStatusCode() + ": " + response.getBody());
    }
    return replyText(response.getBody());
  }

  /** One call as WeChat signs it: posting it again is a resend of the very same call (same URL, same body). */
  record Call(String url, String body) {
  }

  /** Posts a message body as WeChat would, signed for the current moment. */
  ResponseEntity<String> post(String xml) {
    return post(sign(xml, now()));
  }

  ResponseEntity<String> post(Call call) {
    return postRaw(call.url(), call.body());
  }

  /** Signs a message body for the given timestamp, encrypting it in safe mode. */
  Call sign(String xml, long timestamp) {
    String ts = Long.toString(timestamp);
    String nonce = Long.toString(MSG_IDS.incrementAndGet());
    String url = "/wechat/portal?signature=" + sign(ts, nonce) + "&timestamp=" + ts + "&nonce=" + nonce;
    if (!safeMode) {
      return new Call(url, xml);
    }
    String encrypted = crypt.encrypt(UUID.randomUUID().toString().substring(0, 16), xml);
    return new Call(url + "&encrypt_type=aes&msg_signature=" + SHA1.gen(TOKEN, ts, nonce, encrypted),
        "<xml><ToUserName><![CDATA[" + ACCOUNT + "]]></ToUserName><Encrypt><![CDATA[" + encrypted
            + "]]></Encrypt></xml>");
  }

  ResponseEntity<String> postRaw(String url, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.TEXT_XML);
    return http.postForEntity(url, new HttpEntity<>(body, headers), String.class);
  }

  static String sign(String timestamp, String nonce) {
    String[] parts = {TOKEN, timestamp, nonce};
    Arrays.sort(parts);
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
          .digest(String.join("", parts).getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The text content of a reply body; in safe mode the reply is checked and decrypted first. */
  String replyText(String body) {
    if ("success".equals(body)) {
      return body;
    }
    String xml = body;
    if (safeMode) {
      xml = crypt.decryptXml(element(body, "MsgSignature"), element(body, "TimeStamp"), element(body, "Nonce"),
          body);
    }
    Matcher m = CONTENT.matcher(xml);
    if (!m.find()) {
      throw new AssertionError("No text content in reply: " + xml);
    }
    return m.group(1);
  }

  private static String element(String xml, String name) {
    Matcher m = Pattern.compile("<" + name + ">(?:<!\\[CDATA\\[)?(.*?)(?:]]>)?</" + name + ">").matcher(xml);
    if (!m.find()) {
      throw new AssertionError("No " + name + " in " + xml);
    }
    return m.group(1);
  }
}
