package org.kehou.core.redis;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;

/** Boot's own Redis indicator needs Spring Data Redis; we talk to Jedis directly. */
@Component("redis")
class RedisHealthIndicator extends AbstractHealthIndicator {

  private final JedisPool pool;

  RedisHealthIndicator(JedisPool pool) {
    this.pool = pool;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    try (Jedis jedis = pool.getResource()) {
      builder.up().withDetail("ping", jedis.ping());
    }
  }
}
