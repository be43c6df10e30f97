package org.kehou.bench;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Text messages as WeChat's servers deliver them: signed query string with a nonce never used before, XML body, a MsgId
 * never seen before.
 */
final class SignedMessages {

  record Request(String pathAndQuery, byte[] body) {}

  private final String token;
  private final String toUser;
  private final String content;
  // Start from the wall clock so that MsgIds stay unique across runs against the same Redis (the bot's dedup keys live on).
  private final AtomicLong nextMsgId = new AtomicLong(System.currentTimeMillis() * 1000);
  private final AtomicLong nextNonce = new AtomicLong(System.currentTimeMillis() * 1000);

  SignedMessages(String token, String toUser, String content) {
    this.token = token;
    this.toUser = toUser;
    this.content = content;
  }

  static String openid(int parent) {
    String number = Integer.toString(parent + 1);
    return "bench-" + "0000".substring(Math.min(4, number.length())) + number;
  }

  Request next(String path, int parent) {
    return text(path, openid(parent), content);
  }

  /** A text message from any openid with any content (the sign-up rush sends a conversation, not one fixed word). */
  Request text(String path, String openid, String content) {
    String timestamp = Long.toString(System.currentTimeMillis() / 1000);
    // The bot accepts each signature for one message only: a random nonce repeated within a second would be refused.
    String nonce = Long.toString(nextNonce.getAndIncrement());
    String query = "?signature=" + sign(timestamp, nonce) + "&timestamp=" + timestamp + "&nonce=" + nonce
        + "&openid=" + openid;
    String xml = "<xml><ToUserName><![CDATA[" + toUser + "]]></ToUserName>"
        + "<FromUserName><![CDATA[" + openid + "]]></FromUserName>"
        + "<CreateTime>" + timestamp + "</CreateTime>"
        + "<MsgType><![CDATA[text]]></MsgType>"
        + "<Content><![CDATA[" + content + "]]></Content>"
        + "<MsgId>" + nextMsgId.getAndIncrement() + "</MsgId></xml>";
    return new Request(path + query, xml.getBytes(StandardCharsets.UTF_8));
  }

  private String sign(String timestamp, String nonce) {
    String[] parts = {token, timestamp, nonce};
    Arrays.sort(parts);
    try {
      byte[] digest = MessageDigest.getInstance("SHA-1").digest(String.join("", parts).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is part of every JDK", e);
    }
  }
}
