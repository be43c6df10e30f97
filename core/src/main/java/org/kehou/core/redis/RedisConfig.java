package org.kehou.core.redis;

import java.net.URI;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.JedisPoolConfig;

/** The one Jedis pool of an application: conversation state, dedup, rate limits, sessions and the WeChat token. */
@Configuration(proxyBeanMethods = false)
class RedisConfig {

  @Bean(destroyMethod = "close")
  JedisPool jedisPool(RedisProperties properties) {
    JedisPoolConfig config = new JedisPoolConfig();
    config.setMaxTotal(properties.maxTotal());
    config.setMaxIdle(properties.maxTotal());
    config.setMinIdle(2);
    config.setMaxWait(Duration.ofSeconds(2));
    config.setJmxEnabled(false);
    return new JedisPool(config, URI.create(properties.url()), 2000);
  }
}
