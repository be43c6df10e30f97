package org.kehou.bot.wechat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Opens WeChat's AES safe-mode envelope. WxJava's own decryption neither tells a bad signature from a bad cipher text
 * nor checks the AppId inside, so this does the steps one by one, each with its own answer.
 */
final class SafeMode {

  private final String token;
  private final String appId;
  private final byte[] aesKey;

  SafeMode(WechatProperties properties) {
    this.token = properties.token();
    this.appId = properties.appId();
    this.aesKey = properties.aesKey().isBlank() ? new byte[0] : decodeKey(properties.aesKey().strip());
  }

  private static byte[] decodeKey(String encodingAesKey) {
    try {
      byte[] key = Base64.getDecoder().decode(encodingAesKey + "=");
      if (key.length == 32) {
        return key;
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw new IllegalStateException(
        "kehou.wechat.aes-key must be the 43-character EncodingAESKey of the WeChat console");
  }

  /** Whether an EncodingAESKey is configured: then every message must come encrypted. */
  boolean configured() {
    return aesKey.length == 32;
  }

  /** The decrypted inner XML; rejects with 403 for a wrong signature or AppId and 400 for anything unreadable. */
  String open(PortalRequest request, byte[] body) {
    String encrypted = encryptElement(body);
    String expected = Signatures.sign(token, request.timestamp(), request.nonce(), encrypted);
    if (!Signatures.matches(expected, request.msgSignature())) {
      throw PortalRejection.forbidden("bad msg_signature");
    }
    byte[] plain = decrypt(encrypted);
    if (plain.length < 20) {
      throw PortalRejection.badRequest("short plaintext");
    }
    int xmlLength = ByteBuffer.wrap(plain, 16, 4).getInt();
    if (xmlLength < 0 || 20 + xmlLength > plain.length) {
      throw PortalRejection.badRequest("bad length");
    }
    String from = new String(Arrays.copyOfRange(plain, 20 + xmlLength, plain.length), StandardCharsets.UTF_8);
    if (!appId.equals(from)) {
      throw PortalRejection.forbidden("message for another app id");
    }
    return new String(plain, 20, xmlLength, StandardCharsets.UTF_8);
  }

  private byte[] decrypt(String encrypted) {
    if (aesKey.length != 32) {
      throw PortalRejection.badRequest("safe mode not configured");
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(aesKey, "AES"),
          new IvParameterSpec(Arrays.copyOfRange(aesKey, 0, 16)));
      byte[] padded = cipher.doFinal(Base64.getMimeDecoder().decode(encrypted));
      int pad = padded.length == 0 ? 0 : padded[padded.length - 1];
      if (pad < 1 || pad > 32 || pad > padded.length) {
        throw PortalRejection.badRequest("bad padding");
      }
      return Arrays.copyOf(padded, padded.length - pad);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw PortalRejection.badRequest("undecryptable");
    }
  }

  private static String encryptElement(byte[] body) {
    String encrypt;
    try {
      encrypt = FlatXml.topLevelFields(InboundXml.utf8(body)).get("Encrypt");
    } catch (IllegalArgumentException e) {
      throw PortalRejection.badRequest("unreadable envelope");
    }
    if (encrypt == null || encrypt.isBlank()) {
      throw PortalRejection.badRequest("no Encrypt element");
    }
    return encrypt.strip();
  }
}
