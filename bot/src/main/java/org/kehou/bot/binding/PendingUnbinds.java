package org.kehou.bot.binding;

import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Component;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.SetParams;

/** Remembers for ten minutes that a parent asked to unbind, in Redis so any instance takes the confirmation. */
@Component
class PendingUnbinds {

  private static final long TTL_SECONDS = Duration.ofMinutes(10).toSeconds();

  private final RedisClient redis;

  PendingUnbinds(RedisClient redis) {
    this.redis = redis;
  }

  private static String key(String openid) {
    return "kehou:binding:unbind:" + openid;
  }

  void ask(String openid, long guardianId) {
    redis.set(key(openid), Long.toString(guardianId), SetParams.setParams().ex(TTL_SECONDS));
  }

  /** The guardian the parent asked to unbind from, consumed: a second 确认解绑 finds nothing. */
  Optional<Long> take(String openid) {
    return Optional.ofNullable(redis.getDel(key(openid))).map(Long::parseLong);
  }
}
