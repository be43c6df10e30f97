package org.kehou.admin.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalLong;
import org.springframework.stereotype.Component;
import redis.clients.jedis.AbstractTransaction;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.SetParams;

/**
 * Opaque login tokens in Redis, shared by every admin-api instance. Only the token's SHA-256 is stored, so a
 * Redis dump does not hand out live sessions. Each staff member's token hashes are also kept in a set, so all their
 * sessions can be ended at once (deactivation, password reset, "log out everywhere").
 */
@Component
public class TokenStore {

  private static final String PREFIX = "kehou:auth:token:";
  private static final String BY_STAFF = "kehou:auth:staff-tokens:";

  /** One script, so a token issued concurrently is either in the set it deletes or issued after it. */
  private static final String REVOKE_ALL = """
      local hashes = redis.call('SMEMBERS', KEYS[1])
      for _, hash in ipairs(hashes) do
        redis.call('DEL', ARGV[1] .. hash)
      end
      redis.call('DEL', KEYS[1])
      return #hashes
      """;

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
    String hash = sha256(token);
    long ttl = properties.tokenTtl().toSeconds();
    // The set lives as long as its newest token, so it outlives every token it lists.
    try (AbstractTransaction tx = redis.multi()) {
      tx.set(PREFIX + hash, Long.toString(staffId), SetParams.setParams().ex(ttl));
      tx.sadd(BY_STAFF + staffId, hash);
      tx.expire(BY_STAFF + staffId, ttl);
      tx.exec();
    }
    return token;
  }

  OptionalLong staffId(String token) {
    String value = redis.get(PREFIX + sha256(token));
    return value == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(value));
  }

  void revoke(String token) {
    String hash = sha256(token);
    String staffId = redis.get(PREFIX + hash);
    redis.del(PREFIX + hash);
    if (staffId != null) {
      redis.srem(BY_STAFF + staffId, hash);
    }
  }

  /** Ends every session of this staff member at once; returns how many tokens were listed. */
  public long revokeAll(long staffId) {
    Object revoked = redis.eval(REVOKE_ALL, List.of(BY_STAFF + staffId), List.of(PREFIX));
    return revoked instanceof Long count ? count : 0;
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
