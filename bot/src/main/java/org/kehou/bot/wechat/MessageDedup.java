package org.kehou.bot.wechat;

import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import org.springframework.stereotype.Component;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.params.SetParams;

/**
 * WeChat resends a message it got no answer to within 5 s, up to three times, possibly to another instance. The first
 * delivery claims the message in Redis; the answer is stored so a retry gets the same reply and no second effect.
 */
@Component
class MessageDedup {

  private static final String PENDING = "PENDING";
  private static final String DONE = "DONE:";

  private final JedisPool pool;
  private final long ttlSeconds;

  MessageDedup(JedisPool pool, WechatProperties properties) {
    this.pool = pool;
    this.ttlSeconds = properties.dedupTtl().toSeconds();
  }

  sealed interface Claim permits First, Running, Answered {
  }

  record First(String key) implements Claim {
  }

  /** Another delivery of this message is being handled right now. */
  record Running() implements Claim {
  }

  record Answered(String body) implements Claim {
  }

  static String keyOf(WxMpXmlMessage message) {
    String id = message.getMsgId() != null
        ? "msg:" + message.getMsgId()
        : "event:" + message.getFromUser() + ":" + message.getCreateTime() + ":" + message.getEvent();
    return "kehou:wechat:dedup:" + id;
  }

  Claim claim(WxMpXmlMessage message) {
    String key = keyOf(message);
    try (Jedis jedis = pool.getResource()) {
      if ("OK".equals(jedis.set(key, PENDING, SetParams.setParams().nx().ex(ttlSeconds)))) {
        return new First(key);
      }
      String value = jedis.get(key);
      if (value != null && value.startsWith(DONE)) {
        return new Answered(value.substring(DONE.length()));
      }
      return value == null ? claimAgain(message) : new Running();
    }
  }

  private Claim claimAgain(WxMpXmlMessage message) {
    // The key expired between SET and GET: treat it as a fresh delivery.
    try (Jedis jedis = pool.getResource()) {
      String key = keyOf(message);
      return "OK".equals(jedis.set(key, PENDING, SetParams.setParams().nx().ex(ttlSeconds)))
          ? new First(key) : new Running();
    }
  }

  void answered(First claim, String body) {
    try (Jedis jedis = pool.getResource()) {
      jedis.set(claim.key(), DONE + body, SetParams.setParams().ex(ttlSeconds));
    }
  }

  /** The handler failed: a retry may try again. */
  void release(First claim) {
    try (Jedis jedis = pool.getResource()) {
      jedis.del(claim.key());
    }
  }

}
