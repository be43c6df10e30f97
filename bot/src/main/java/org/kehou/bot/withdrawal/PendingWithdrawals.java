package org.kehou.bot.withdrawal;

import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Component;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.SetParams;

/** Remembers for ten minutes that a parent asked to withdraw a child, in Redis so any instance takes the answer. */
@Component
class PendingWithdrawals {

  private static final long TTL_SECONDS = Duration.ofMinutes(10).toSeconds();

  private final RedisClient redis;

  PendingWithdrawals(RedisClient redis) {
    this.redis = redis;
  }

  private static String key(String openid) {
    return "kehou:withdrawal:pending:" + openid;
  }

  void ask(String openid, long studentId) {
    redis.set(key(openid), Long.toString(studentId), SetParams.setParams().ex(TTL_SECONDS));
  }

  /** The child the parent asked about, consumed: a second 确认退出 finds nothing. */
  Optional<Long> take(String openid) {
    return Optional.ofNullable(redis.getDel(key(openid))).map(Long::parseLong);
  }
}
