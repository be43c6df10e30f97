package org.kehou.core.redis;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;
import redis.clients.jedis.RedisClient;

/** Boot's own Redis indicator needs Spring Data Redis; we talk to Jedis directly. */
@Component("redis")
class RedisHealthIndicator extends AbstractHealthIndicator {

  private final RedisClient redis;

  RedisHealthIndicator(RedisClient redis) {
    this.redis = redis;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    builder.up().withDetail("ping", redis.ping());
  }
}
