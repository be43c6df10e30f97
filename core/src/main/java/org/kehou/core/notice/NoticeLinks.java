package org.kehou.core.notice;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Each guardian's link to a notice: {@code <notice>.<guardian>.<mac>}, the mac being 128 bits of HMAC-SHA256 over
 * both ids. It opens the notice without any login, so it must not be guessable, and it is never stored: reminders
 * sign it again. The key comes from {@code kehou.notices.link-secret}, else from the database (made once).
 */
@Component
public class NoticeLinks {

  /** A link for one guardian and notice. */
  public record Target(long noticeId, long guardianId) {
  }

  private static final Pattern TOKEN = Pattern.compile("(\\d{1,18})\\.(\\d{1,18})\\.([A-Za-z0-9_-]{22})");
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  private final NoticeMapper mapper;
  private final NoticeProperties properties;
  private volatile SecretKeySpec key;

  NoticeLinks(NoticeMapper mapper, NoticeProperties properties) {
    this.mapper = mapper;
    this.properties = properties;
  }

  public String url(long noticeId, long guardianId) {
    return properties.pageUrl() + "/notice/" + token(noticeId, guardianId);
  }

  public String token(long noticeId, long guardianId) {
    return noticeId + "." + guardianId + "." + B64.encodeToString(mac(noticeId, guardianId));
  }

  /** The guardian and notice a token was signed for; empty for anything else (forged, mangled, truncated). */
  public Optional<Target> verify(String token) {
    Matcher m = token == null ? null : TOKEN.matcher(token);
    if (m == null || !m.matches()) {
      return Optional.empty();
    }
    long notice = Long.parseLong(m.group(1));
    long guardian = Long.parseLong(m.group(2));
    // Compared as text: the last base64 character has bits a decoder ignores, so decoding first would let several
    // spellings of one token pass.
    byte[] given = m.group(3).getBytes(StandardCharsets.US_ASCII);
    byte[] expected = B64.encodeToString(mac(notice, guardian)).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(given, expected)
        ? Optional.of(new Target(notice, guardian)) : Optional.empty();
  }

  private byte[] mac(long noticeId, long guardianId) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key());
      byte[] full = mac.doFinal(("notice:" + noticeId + ":" + guardianId).getBytes(StandardCharsets.US_ASCII));
      return Arrays.copyOf(full, 16);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  private SecretKeySpec key() throws GeneralSecurityException {
    SecretKeySpec k = key;
    if (k == null) {
      byte[] secret;
      if (!properties.linkSecret().isBlank()) {
        secret = MessageDigest.getInstance("SHA-256")
            .digest(properties.linkSecret().getBytes(StandardCharsets.UTF_8));
      } else {
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        // Whoever inserts first wins; everyone then reads the same key.
        mapper.insertLinkSecretIfAbsent("notice-link", fresh);
        secret = HexFormat.of().parseHex(mapper.linkSecretHex("notice-link"));
      }
      k = new SecretKeySpec(secret, "HmacSHA256");
      key = k;
    }
    return k;
  }
}
