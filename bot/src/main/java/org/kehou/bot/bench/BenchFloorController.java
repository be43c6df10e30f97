package org.kehou.bot.bench;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The benchmark's floor: the cheapest answer WeChat accepts (signature check, then "success"), served by the same
 * Tomcat and JVM as the real webhook so that bench/run can compare the two. Off unless kehou.bench.floor-enabled.
 */
@RestController
@ConditionalOnProperty(prefix = "kehou.bench", name = "floor-enabled", havingValue = "true")
class BenchFloorController {

  private final String token;

  BenchFloorController(@Value("${kehou.wechat.token}") String token) {
    this.token = token;
  }

  @PostMapping(path = "/bench/floor", produces = MediaType.TEXT_PLAIN_VALUE)
  ResponseEntity<String> floor(
      @RequestParam(required = false) String signature,
      @RequestParam(required = false) String timestamp,
      @RequestParam(required = false) String nonce) {
    if (signature == null || timestamp == null || nonce == null || !signatureMatches(signature, timestamp, nonce)) {
      return ResponseEntity.status(HttpStatus.FORBIDDEN).body("");
    }
    return ResponseEntity.ok("success");
  }

  // WeChat's rule: SHA-1 hex of token, timestamp and nonce sorted and concatenated.
  private boolean signatureMatches(String signature, String timestamp, String nonce) {
    String[] parts = {token, timestamp, nonce};
    Arrays.sort(parts);
    byte[] expected = HexFormat.of().formatHex(sha1(String.join("", parts))).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
  }

  private static byte[] sha1(String text) {
    try {
      return MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is part of every JDK", e);
    }
  }
}
