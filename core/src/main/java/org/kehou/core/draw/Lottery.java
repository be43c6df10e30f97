package org.kehou.core.draw;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * The lottery order of a draw, written so that anyone can compute it again from the published seed with any language's
 * SHA-256: each entrant's key is the lowercase hexadecimal SHA-256 of the UTF-8 text {@code "<seed>:<application id>"}
 * (the id in decimal, no padding), and entrants are ranked by key ascending (plain string order), rank 1 first. Two
 * keys are never equal in practice; if they were, the smaller application id would go first.
 */
public final class Lottery {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final HexFormat HEX = HexFormat.of();

  private Lottery() {
  }

  /** A fresh seed: 32 random bytes as 64 lowercase hex characters, drawn at the close and stored with the result. */
  static String newSeed() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return HEX.formatHex(bytes);
  }

  /** The entrant's lottery key under the seed. */
  public static String key(String seed, long applicationId) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return HEX.formatHex(sha256.digest((seed + ":" + applicationId).getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }

  /** The entrants in lottery order (rank 1 first). */
  static <T> List<T> order(String seed, List<T> entrants, ToLongFunction<T> applicationId) {
    record Keyed<T>(T entrant, String key, long applicationId) {
    }
    return entrants.stream()
        .map(e -> new Keyed<>(e, key(seed, applicationId.applyAsLong(e)), applicationId.applyAsLong(e)))
        .sorted(Comparator.comparing((Keyed<T> k) -> k.key()).thenComparingLong(Keyed::applicationId))
        .map(Keyed::entrant)
        .toList();
  }
}
