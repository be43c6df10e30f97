package org.kehou.bot.wechat;

import java.util.function.Supplier;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import org.kehou.bot.outbox.CustomerServiceWindow;
import org.kehou.core.cache.CacheEpochs;
import org.springframework.stereotype.Component;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.RedisClient;
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

  private final RedisClient redis;
  private final CacheEpochs epochs;
  private final KeptReplies replies;
  private final CustomerServiceWindow window;
  private final long ttlSeconds;

  MessageDedup(RedisClient redis, CacheEpochs epochs, KeptReplies replies, CustomerServiceWindow window,
      WechatProperties properties) {
    this.redis = redis;
    this.window = window;
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
    // Events carry no MsgId; WeChat suggests user and CreateTime, but CreateTime is in seconds and a parent can tap two
    // menu items within one: the event key tells them apart, and a retry repeats it.
    String id = message.getMsgId() != null
        ? "msg:" + message.getMsgId()
        : "event:" + message.getFromUser() + ":" + message.getCreateTime() + ":" + message.getEvent()
            + (message.getEventKey() == null || message.getEventKey().isEmpty() ? "" : ":" + message.getEventKey());
    return "kehou:wechat:dedup:" + id;
  }

  Claim claim(WxMpXmlMessage message) {
    String key = keyOf(message);
    First first = tryClaim(key, message);
    if (first != null) {
      return first;
    }
    String value = replies.unwritten(key);
    if (value == null) {
      value = redis.get(key);
    }
    if (value != null) {
      return value.startsWith(DONE) ? new Answered(value.substring(DONE.length())) : new Running();
    }
    // The key expired between SET and GET: treat it as a fresh delivery.
    first = tryClaim(key, message);
    return first != null ? first : new Running();
  }

  private First tryClaim(String key, WxMpXmlMessage message) {
    Response<String> claimed;
    Supplier<CacheEpochs.Snapshot> snapshot;
    try (Pipeline pipeline = redis.pipelined()) {
      claimed = pipeline.set(key, PENDING, SetParams.setParams().nx().ex(ttlSeconds));
      snapshot = epochs.queue(pipeline);
      window.inbound(pipeline, message);
      pipeline.sync();
    }
    return "OK".equals(claimed.get()) ? new First(key, snapshot.get()) : null;
  }

  void answered(First claim, String body) {
    replies.keep(claim.key(), DONE + body);
  }

  /** The handler failed: a retry may try again. */
  void release(First claim) {
    redis.del(claim.key());
  }

}
