package org.kehou.bot.wechat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import org.kehou.bot.outbox.CustomerServiceWindow;
import org.kehou.core.cache.CacheEpochs;
import org.springframework.stereotype.Component;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.Response;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/**
 * WeChat resends a message it got no answer to within 5 s, up to three times, possibly to another instance. The first
 * delivery claims the message in Redis; the answer is stored so a retry gets the same reply and no second effect.
 *
 * <p>The same round trip settles whether the call's signature may be used: a signature belongs to the first message
 * that came with it, for as long as its timestamp lies in the window. The same message under it again is a retry
 * (WeChat's documentation does not say whether a retry is signed anew, so both are accepted) and is answered from the
 * claim like any retry; any other message under a used signature is someone replaying a signed URL, refused.
 */
@Component
class MessageDedup {

  private static final String DONE = "DONE:";
  private static final String FIRST = "FIRST";
  private static final String REPLAYED = "REPLAYED";
  private static final String SIGNATURE_PREFIX = "kehou:wechat:signature:";

  // KEYS: the call's signature, the message. ARGV: seconds the signature stays good, seconds to remember the message.
  private static final String CLAIM = """
      local bound = redis.call('GET', KEYS[1])
      if bound and bound ~= KEYS[2] then return 'REPLAYED' end
      if not bound then redis.call('SET', KEYS[1], KEYS[2], 'EX', ARGV[1]) end
      if redis.call('SET', KEYS[2], 'PENDING', 'NX', 'EX', ARGV[2]) then return 'FIRST' end
      return redis.call('GET', KEYS[2])
      """;
  private static final String CLAIM_SHA = Signatures.sign(CLAIM);

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

  /** The signed call a message came in: its URL signature, and how many more seconds its timestamp is in the window. */
  record Call(String signature, long secondsLeft) {
  }

  sealed interface Claim permits First, Running, Answered, Replayed {
  }

  /** The first delivery, with the cache epochs read in the same round trip as the claim. */
  record First(String key, CacheEpochs.Snapshot epochs) implements Claim {
  }

  /** Another delivery of this message is being handled right now. */
  record Running() implements Claim {
  }

  record Answered(String body) implements Claim {
  }

  /** The call's signature already came with another message. */
  record Replayed() implements Claim {
  }

  static String keyOf(WxMpXmlMessage message) {
    // MsgIds are WeChat's, unique per account as far as its documentation says; the sender makes a forged MsgId
    // unable to collide with another parent's message. Events carry no MsgId: WeChat suggests user and CreateTime,
    // but CreateTime is in seconds and a parent can tap two menu items within one: the event key tells them apart.
    String id = message.getMsgId() != null
        ? "msg:" + message.getFromUser() + ":" + message.getMsgId()
        : "event:" + message.getFromUser() + ":" + message.getCreateTime() + ":" + message.getEvent()
            + (message.getEventKey() == null || message.getEventKey().isEmpty() ? "" : ":" + message.getEventKey());
    return "kehou:wechat:dedup:" + id;
  }

  Claim claim(WxMpXmlMessage message, Call call) {
    String key = keyOf(message);
    // Remembered at least as long as the signature could come again, so a message is never handled twice under it.
    List<String> args = List.of(Long.toString(call.secondsLeft()),
        Long.toString(Math.max(ttlSeconds, call.secondsLeft())));
    List<String> keys = List.of(SIGNATURE_PREFIX + call.signature(), key);
    try {
      return claim(key, message, keys, args);
    } catch (JedisNoScriptException e) {
      // Redis restarted or was flushed since the script was last loaded.
      redis.scriptLoad(CLAIM);
      return claim(key, message, keys, args);
    }
  }

  private Claim claim(String key, WxMpXmlMessage message, List<String> keys, List<String> args) {
    // A reply leaves this instance's memory only once it is in Redis: looked at before the round trip and after it,
    // one of the three has it whenever it was kept before this retry came.
    String keptBefore = replies.unwritten(key);
    Response<Object> outcome;
    Supplier<CacheEpochs.Snapshot> snapshot;
    try (Pipeline pipeline = redis.pipelined()) {
      outcome = pipeline.evalsha(CLAIM_SHA, keys, args);
      snapshot = epochs.queue(pipeline);
      window.inbound(pipeline, message);
      pipeline.sync();
    }
    String value = text(outcome.get());
    if (FIRST.equals(value)) {
      return new First(key, snapshot.get());
    }
    if (REPLAYED.equals(value)) {
      return new Replayed();
    }
    String kept = value != null && value.startsWith(DONE) ? value
        : keptBefore != null ? keptBefore : replies.unwritten(key);
    return kept != null ? new Answered(kept.substring(DONE.length())) : new Running();
  }

  private static String text(Object reply) {
    return reply instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : (String) reply;
  }

  void answered(First claim, String body) {
    replies.keep(claim.key(), DONE + body);
  }

  /** The handler failed: a retry may try again. */
  void release(First claim) {
    redis.del(claim.key());
  }
}
