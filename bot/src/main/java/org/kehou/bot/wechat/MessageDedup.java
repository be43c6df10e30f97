package org.kehou.bot.wechat;

import java.util.function.Supplier;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import org.kehou.core.cache.CacheEpochs;
import org.springframework.stereotype.Component;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;
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
  private final CacheEpochs epochs;
  private final KeptReplies replies;
  private final long ttlSeconds;

  MessageDedup(JedisPool pool, CacheEpochs epochs, KeptReplies replies, WechatProperties properties) {
    this.pool = pool;
    this.epochs = epochs;
    this.replies = replies;
    this.ttlSeconds = properties.dedupTtl().toSeconds();
  }

  sealed interface Claim permits First, Running, Answered {
  }

  /** The first delivery, with the cache epochs read in the same round trip as the claim. */
  record First(String key, CacheEpochs.Snapshot epochs) implements Claim {
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
      First first = tryClaim(jedis, key);
      if (first != null) {
        return first;
      }
      String value = replies.unwritten(key);
      if (value == null) {
        value = jedis.get(key);
      }
      if (value != null) {
        return value.startsWith(DONE) ? new Answered(value.substring(DONE.length())) : new Running();
      }
      // The key expired between SET and GET: treat it as a fresh delivery.
      first = tryClaim(jedis, key);
      return first != null ? first : new Running();
    }
  }

  private First tryClaim(Jedis jedis, String key) {
    Pipeline pipeline = jedis.pipelined();
    Response<String> claimed = pipeline.set(key, PENDING, SetParams.setParams().nx().ex(ttlSeconds));
    Supplier<CacheEpochs.Snapshot> snapshot = epochs.queue(pipeline);
    pipeline.sync();
    return "OK".equals(claimed.get()) ? new First(key, snapshot.get()) : null;
  }

  void answered(First claim, String body) {
    replies.keep(claim.key(), DONE + body);
  }

  /** The handler failed: a retry may try again. */
  void release(First claim) {
    try (Jedis jedis = pool.getResource()) {
      jedis.del(claim.key());
    }
  }

}
