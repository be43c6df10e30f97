package org.kehou.bot.wechat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * WeChat's signatures: SHA-1 hex of the parts sorted and joined. Compared in constant time, so how long a refusal takes
 * tells a forger nothing about how much of a guessed signature was right.
 */
final class Signatures {

  private Signatures() {
  }

  static String sign(String... parts) {
    String[] sorted = parts.clone();
    Arrays.sort(sorted);
    try {
      byte[] digest = MessageDigest.getInstance("SHA-1").digest(String.join("", sorted)
          .getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is part of every JDK", e);
    }
  }

  static boolean matches(String expected, String given) {
    return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
        given.getBytes(StandardCharsets.UTF_8));
  }
}
