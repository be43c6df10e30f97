package org.kehou.bot.withdrawal;

import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Component;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;

/** Remembers for ten minutes that a parent asked to withdraw a child, in Redis so any instance takes the answer. */
@Component
class PendingWithdrawals {

  private static final long TTL_SECONDS = Duration.ofMinutes(10).toSeconds();

  private final JedisPool pool;

  PendingWithdrawals(JedisPool pool) {
    this.pool = pool;
  }

  private static String key(String openid) {
    return "kehou:withdrawal:pending:" + openid;
  }

  void ask(String openid, long studentId) {
    try (Jedis jedis = pool.getResource()) {
      jedis.setex(key(openid), TTL_SECONDS, Long.toString(studentId));
    }
  }

  /** The child the parent asked about, consumed: a second 确认退出 finds nothing. */
  Optional<Long> take(String openid) {
    try (Jedis jedis = pool.getResource()) {
      return Optional.ofNullable(jedis.getDel(key(openid))).map(Long::parseLong);
    }
  }
}
