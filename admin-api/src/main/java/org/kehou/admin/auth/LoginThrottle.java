package org.kehou.admin.auth;

import java.util.Locale;
import java.util.OptionalLong;
import org.springframework.stereotype.Component;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.Transaction;
import redis.clients.jedis.args.ExpiryOption;

/**
 * Counts wrong passwords per username in a fixed window starting at the first failure; once the limit is reached
 * every login for that username is refused until the window ends, even with the right password.
 */
@Component
class LoginThrottle {

  private static final String PREFIX = "kehou:auth:failures:";

  private final JedisPool redis;
  private final AuthProperties properties;

  LoginThrottle(JedisPool redis, AuthProperties properties) {
    this.redis = redis;
    this.properties = properties;
  }

  /** Seconds until logins are allowed again, if they are refused now. */
  OptionalLong blockedFor(String username) {
    try (Jedis jedis = redis.getResource()) {
      String key = key(username);
      String count = jedis.get(key);
      if (count == null || Long.parseLong(count) < properties.maxFailures()) {
        return OptionalLong.empty();
      }
      long ttl = jedis.ttl(key);
      return OptionalLong.of(Math.max(ttl, 1));
    }
  }

  void failed(String username) {
    try (Jedis jedis = redis.getResource()) {
      Transaction tx = jedis.multi();
      tx.incr(key(username));
      tx.expire(key(username), properties.failureWindow().toSeconds(), ExpiryOption.NX);
      tx.exec();
    }
  }

  void succeeded(String username) {
    try (Jedis jedis = redis.getResource()) {
      jedis.del(key(username));
    }
  }

  private static String key(String username) {
    return PREFIX + username.trim().toLowerCase(Locale.ROOT);
  }
}
