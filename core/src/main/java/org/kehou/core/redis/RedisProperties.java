package org.kehou.core.redis;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param url       redis://[user:password@]host:port[/database]
 * @param maxTotal  pool size; connections in the pool; a command borrows one, a pipeline or transaction holds one until closed
 */
@ConfigurationProperties("kehou.redis")
public record RedisProperties(
    @DefaultValue("redis://127.0.0.1:6379/0") String url,
    @DefaultValue("64") int maxTotal) {
}
