package org.kehou.admin.auth;

import java.util.Locale;
import java.util.OptionalLong;
import org.springframework.stereotype.Component;
import redis.clients.jedis.AbstractTransaction;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.args.ExpiryOption;

/**
 * Counts wrong passwords per username in a fixed window starting at the first failure; once the limit is reached
 * every login for that username is refused until the window ends, even with the right password.
 */
@Component
class LoginThrottle {

  private static final String PREFIX = "kehou:auth:failures:";

  private final RedisClient redis;
  private final AuthProperties properties;

  LoginThrottle(RedisClient redis, AuthProperties properties) {
    this.redis = redis;
    this.properties = properties;
  }

  /** Seconds until logins are allowed again, if they are refused now. */
  OptionalLong blockedFor(String username) {
    String key = key(username);
    String count = redis.get(key);
    if (count == null || Long.parseLong(count) < properties.maxFailures()) {
      return OptionalLong.empty();
    }
    long ttl = redis.ttl(key);
    return OptionalLong.of(Math.max(ttl, 1));
  }

  void failed(String username) {
    try (AbstractTransaction tx = redis.multi()) {
      tx.incr(key(username));
      tx.expire(key(username), properties.failureWindow().toSeconds(), ExpiryOption.NX);
      tx.exec();
    }
  }

  void succeeded(String username) {
    redis.del(key(username));
  }

  private static String key(String username) {
    return PREFIX + username.trim().toLowerCase(Locale.ROOT);
  }
}
