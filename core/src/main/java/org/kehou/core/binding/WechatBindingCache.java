package org.kehou.core.binding;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;

/**
 * Who is writing, kept in Redis for a minute: nearly every parent message needs it, and the six-table join behind it
 * was the costliest part of answering. Every change made through the bot (bind, 切换, unfollow, re-follow) drops the
 * entry at once on all instances; a roster change made by the school shows within the minute.
 */
@Component
class WechatBindingCache {

  private static final Logger log = LoggerFactory.getLogger(WechatBindingCache.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long TTL_SECONDS = 60;

  private final JedisPool redis;

  WechatBindingCache(JedisPool redis) {
    this.redis = redis;
  }

  private static String key(String openid) {
    return "kehou:binding:cache:" + openid;
  }

  Optional<WechatBinding> get(String openid, Supplier<Optional<WechatBinding>> load) {
    try (Jedis jedis = redis.getResource()) {
      String cached = jedis.get(key(openid));
      if (cached != null) {
        return Optional.of(JSON.readValue(cached, WechatBinding.class));
      }
      Optional<WechatBinding> loaded = load.get();
      // Unbound openids are not cached: their next message is usually 绑定, which must see the new binding.
      if (loaded.isPresent()) {
        jedis.setex(key(openid), TTL_SECONDS, JSON.writeValueAsString(loaded.get()));
      }
      return loaded;
    } catch (JsonProcessingException e) {
      log.warn("Unreadable cached binding; reading the database", e);
      evict(openid);
      return load.get();
    }
  }

  void evict(String openid) {
    try (Jedis jedis = redis.getResource()) {
      jedis.del(key(openid));
    }
  }
}
