package org.kehou.admin.auth;

import java.util.List;
import java.util.OptionalLong;
import org.springframework.stereotype.Component;
import redis.clients.jedis.RedisClient;

/**
 * Counts failed logins per account and client address, and unknown usernames per client address, with a growing wait.
 * A stranger's failures count against the stranger's address only, so the school admin still logs in from anywhere
 * else; and since only real accounts get a counter of their own, inventing usernames ('ádmin', 'admin2'…) gives an
 * attacker no fresh counters, only more failures on the address's one.
 */
@Component
class LoginThrottle {

  private static final String PREFIX = "kehou:auth:failures:";

  /**
   * Counts one failure and, from the limit on, locks the counter for firstDelay doubled per further failure (capped).
   * The count is kept for the window beyond the lock, so waiting the lock out does not reset it.
   */
  private static final String FAILED = """
      local failures = redis.call('INCR', KEYS[1])
      local over = failures - tonumber(ARGV[1])
      local delay = 0
      if over >= 0 then
        delay = math.min(tonumber(ARGV[2]) * 2 ^ math.min(over, 30), tonumber(ARGV[3]))
        delay = math.max(math.floor(delay), 1)
        redis.call('SET', KEYS[2], failures, 'EX', delay)
      end
      redis.call('EXPIRE', KEYS[1], tonumber(ARGV[4]) + delay)
      return delay
      """;

  private final RedisClient redis;
  private final AuthProperties properties;

  LoginThrottle(RedisClient redis, AuthProperties properties) {
    this.redis = redis;
    this.properties = properties;
  }

  /** The failures of one account from one address. */
  Counter account(long staffId, String address) {
    return new Counter(PREFIX + "account:" + staffId + ":" + address);
  }

  /** The failures with usernames that name no active account, from one address. */
  Counter unknownUsernames(String address) {
    return new Counter(PREFIX + "address:" + address);
  }

  /** Seconds until this counter lets a login be tried again, if it is locked now. */
  OptionalLong blockedFor(Counter counter) {
    long ttl = redis.ttl(counter.lock());
    return ttl > 0 ? OptionalLong.of(ttl) : OptionalLong.empty();
  }

  void failed(Counter counter) {
    redis.eval(FAILED, List.of(counter.key(), counter.lock()), List.of(
        Integer.toString(properties.maxFailures()),
        Long.toString(properties.firstDelay().toSeconds()),
        Long.toString(properties.maxDelay().toSeconds()),
        Long.toString(properties.failureWindow().toSeconds())));
  }

  void succeeded(Counter counter) {
    redis.del(counter.key(), counter.lock());
  }

  record Counter(String key) {
    String lock() {
      return key + ":lock";
    }
  }
}
