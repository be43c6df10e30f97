package org.kehou.core.redis;

import java.net.URI;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.util.JedisURIHelper;

/**
 * The one Redis client of an application: conversation state, dedup, rate limits, sessions and the WeChat token. It
 * pools its connections: each command borrows one, a pipeline or transaction holds one until it is closed.
 */
@Configuration(proxyBeanMethods = false)
class RedisConfig {

  private static final int TIMEOUT_MILLIS = 2000;

  @Bean(destroyMethod = "close")
  RedisClient redisClient(RedisProperties properties) {
    ConnectionPoolConfig pool = new ConnectionPoolConfig();
    pool.setMaxTotal(properties.maxTotal());
    pool.setMaxIdle(properties.maxTotal());
    pool.setMinIdle(2);
    pool.setMaxWait(Duration.ofSeconds(2));
    pool.setJmxEnabled(false);
    URI uri = URI.create(properties.url());
    return RedisClient.builder()
        .hostAndPort(JedisURIHelper.getHostAndPort(uri))
        .clientConfig(DefaultJedisClientConfig.builder(uri).timeoutMillis(TIMEOUT_MILLIS).build())
        .poolConfig(pool)
        .build();
  }
}
