package org.kehou.admin.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.OptionalLong;
import org.springframework.stereotype.Component;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.SetParams;

/**
 * Opaque login tokens in Redis, shared by every admin-api instance. Only the token's SHA-256 is stored, so a
 * Redis dump does not hand out live sessions.
 */
@Component
class TokenStore {

  private static final String PREFIX = "kehou:auth:token:";

  private final RedisClient redis;
  private final AuthProperties properties;
  private final SecureRandom random = new SecureRandom();

  TokenStore(RedisClient redis, AuthProperties properties) {
    this.redis = redis;
    this.properties = properties;
  }

  String issue(long staffId) {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    redis.set(PREFIX + sha256(token), Long.toString(staffId), SetParams.setParams().ex(properties.tokenTtl().toSeconds()));
    return token;
  }

  OptionalLong staffId(String token) {
    String value = redis.get(PREFIX + sha256(token));
    return value == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(value));
  }

  void revoke(String token) {
    redis.del(PREFIX + sha256(token));
  }

  static String sha256(String token) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
