package org.kehou.bot.wechat;

import java.time.Duration;
import java.util.Optional;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.SetParams;

/**
 * A step a parent asks for and must confirm with a second message (退出 then 确认退出, 解绑 then 确认解绑): what was
 * asked is remembered for ten minutes in Redis, so whichever instance gets the confirmation can act on it.
 */
public abstract class PendingConfirmations {

  private static final long TTL_SECONDS = Duration.ofMinutes(10).toSeconds();

  private final RedisClient redis;
  private final String keyPrefix;

  protected PendingConfirmations(RedisClient redis, String keyPrefix) {
    this.redis = redis;
    this.keyPrefix = keyPrefix;
  }

  /** Remembers that this WeChat user asked about {@code id} (a child, a guardian), replacing an earlier question. */
  public void ask(String openid, long id) {
    redis.set(keyPrefix + openid, Long.toString(id), SetParams.setParams().ex(TTL_SECONDS));
  }

  /** Whether this WeChat user has a question open, without consuming it. */
  public boolean pending(String openid) {
    return redis.exists(keyPrefix + openid);
  }

  /** What the user asked about, consumed: a second confirmation finds nothing. */
  public Optional<Long> take(String openid) {
    return Optional.ofNullable(redis.getDel(keyPrefix + openid)).map(Long::parseLong);
  }
}
