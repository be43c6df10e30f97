package org.kehou.core.redis;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param url       redis://[user:password@]host:port[/database]
 * @param maxTotal  pool size; every bot thread may hold one connection for the length of a message
 */
@ConfigurationProperties("kehou.redis")
public record RedisProperties(
    @DefaultValue("redis://127.0.0.1:6379/0") String url,
    @DefaultValue("64") int maxTotal) {
}
