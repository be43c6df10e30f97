package org.kehou.bot.wechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import org.junit.jupiter.api.Test;
import org.kehou.bot.WebhookTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import redis.clients.jedis.RedisClient;

class MessageDedupTests extends WebhookTestSupport {

  private static final String TAPS_USER = UUID.randomUUID().toString();

  @Autowired
  MessageDedup dedup;

  @Autowired
  RedisClient redis;

  @Autowired
  WechatProperties properties;

  private static WxMpXmlMessage text(long msgId) {
    WxMpXmlMessage message = new WxMpXmlMessage();
    message.setFromUser("o" + UUID.randomUUID());
    message.setMsgType("text");
    message.setMsgId(msgId);
    return message;
  }

  /** A call signed anew, as WeChat signs every delivery it makes. */
  private static MessageDedup.Call signed() {
    byte[] signature = new byte[20];
    ThreadLocalRandom.current().nextBytes(signature);
    return new MessageDedup.Call(HexFormat.of().formatHex(signature), 300);
  }

  @Test
  void retryArrivingWhileTheFirstDeliveryIsStillRunningGetsNoSecondRun() {
    WxMpXmlMessage message = text(System.nanoTime());
    assertThat(dedup.claim(message, signed())).isInstanceOf(MessageDedup.First.class);
    assertThat(dedup.claim(message, signed())).isInstanceOf(MessageDedup.Running.class);
  }

  @Test
  void retryAfterTheAnswerGetsTheSameAnswer() {
    WxMpXmlMessage message = text(System.nanoTime());
    MessageDedup.First first = (MessageDedup.First) dedup.claim(message, signed());
    dedup.answered(first, "<xml>reply</xml>");
    assertThat(dedup.claim(message, signed())).isEqualTo(new MessageDedup.Answered("<xml>reply</xml>"));
  }

  @Test
  void theAnswerReachesRedisSoARetryAtAnotherInstanceGetsItToo() {
    WxMpXmlMessage message = text(System.nanoTime());
    MessageDedup.First first = (MessageDedup.First) dedup.claim(message, signed());

    dedup.answered(first, "<xml>kept</xml>");

    await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> {
      assertThat(redis.get(first.key())).isEqualTo("DONE:<xml>kept</xml>");
    });
    assertThat(redis.ttl(first.key())).isPositive();
  }

  @Test
  void failedDeliveryIsReleasedSoTheRetryRunsAgain() {
    WxMpXmlMessage message = text(System.nanoTime());
    MessageDedup.Call call = signed();
    dedup.release((MessageDedup.First) dedup.claim(message, call));
    assertThat(dedup.claim(message, call)).isInstanceOf(MessageDedup.First.class);
  }

  @Test
  void aSignatureBelongsToTheFirstMessageItCameWith() {
    MessageDedup.Call call = signed();
    WxMpXmlMessage genuine = text(System.nanoTime());
    WxMpXmlMessage forged = text(System.nanoTime());
    assertThat(dedup.claim(genuine, call)).isInstanceOf(MessageDedup.First.class);
    // Kept in Redis, not in this instance: every instance refuses the replay.
    assertThat(redis.get("kehou:wechat:signature:" + call.signature())).isEqualTo(MessageDedup.keyOf(genuine));

    assertThat(dedup.claim(forged, call)).isInstanceOf(MessageDedup.Replayed.class);
    // The refused call claimed nothing: the message, if it ever comes genuinely signed, is handled.
    assertThat(dedup.claim(forged, signed())).isInstanceOf(MessageDedup.First.class);
  }

  @Test
  void theSameMessageUnderTheSameSignatureIsARetryAndGetsTheKeptReply() {
    MessageDedup.Call call = signed();
    WxMpXmlMessage message = text(System.nanoTime());
    MessageDedup.First first = (MessageDedup.First) dedup.claim(message, call);
    dedup.answered(first, "<xml>once</xml>");

    assertThat(dedup.claim(message, call)).isEqualTo(new MessageDedup.Answered("<xml>once</xml>"));
  }

  @Test
  void aSignatureIsRememberedExactlyAsLongAsItsTimestampStaysInTheWindow() {
    MessageDedup.Call call = new MessageDedup.Call(signed().signature(), 42);
    dedup.claim(text(System.nanoTime()), call);

    assertThat(redis.ttl("kehou:wechat:signature:" + call.signature())).isBetween(1L, 42L);
  }

  @Test
  void aMessageIsRememberedAtLeastAsLongAsItsSignatureIsGood() {
    long ttl = properties.dedupTtl().toSeconds();
    WxMpXmlMessage usual = text(System.nanoTime());
    MessageDedup.First first = (MessageDedup.First) dedup.claim(usual, signed());
    assertThat(redis.ttl(first.key())).isBetween(ttl - 5, ttl);

    // A timestamp from a clock running ahead stays good for longer than the usual memory: the message stays too,
    // and its kept reply with it.
    WxMpXmlMessage early = text(System.nanoTime());
    MessageDedup.Call ahead = new MessageDedup.Call(signed().signature(), ttl + 1000);
    MessageDedup.First longer = (MessageDedup.First) dedup.claim(early, ahead);
    dedup.answered(longer, "<xml>kept</xml>");
    await().atMost(Duration.ofSeconds(2))
        .untilAsserted(() -> assertThat(redis.get(longer.key())).isEqualTo("DONE:<xml>kept</xml>"));
    assertThat(redis.ttl(longer.key())).isGreaterThan(ttl + 900);
  }

  @Test
  void theClaimScriptIsLoadedAgainAfterRedisForgotIt() {
    redis.scriptFlush();
    assertThat(dedup.claim(text(System.nanoTime()), signed())).isInstanceOf(MessageDedup.First.class);
  }

  @Test
  void messagesAreKeyedBySenderAndMsgId() {
    WxMpXmlMessage mine = text(4242L);
    WxMpXmlMessage theirs = text(4242L);

    assertThat(MessageDedup.keyOf(mine)).isEqualTo("kehou:wechat:dedup:msg:" + mine.getFromUser() + ":4242")
        .isNotEqualTo(MessageDedup.keyOf(theirs));
  }

  @Test
  void eventsAreKeyedByUserTimeAndEvent() {
    WxMpXmlMessage event = new WxMpXmlMessage();
    event.setFromUser("oEventUser");
    event.setCreateTime(1_700_000_000L);
    event.setEvent("subscribe");
    assertThat(MessageDedup.keyOf(event)).isEqualTo("kehou:wechat:dedup:event:oEventUser:1700000000:subscribe");
  }

  @Test
  void twoMenuTapsInTheSameSecondAreTwoMessagesAndARetryOfOneIsRecognised() {
    WxMpXmlMessage letter = click("告家长书");
    WxMpXmlMessage apply = click("报名");

    MessageDedup.First first = (MessageDedup.First) dedup.claim(letter, signed());
    dedup.answered(first, "<xml>letter</xml>");

    assertThat(dedup.claim(apply, signed())).isInstanceOf(MessageDedup.First.class);
    assertThat(dedup.claim(click("告家长书"), signed())).isEqualTo(new MessageDedup.Answered("<xml>letter</xml>"));
  }

  private static WxMpXmlMessage click(String key) {
    WxMpXmlMessage event = new WxMpXmlMessage();
    event.setFromUser("oTapsTwice-" + TAPS_USER);
    event.setCreateTime(1_700_000_001L);
    event.setMsgType("event");
    event.setEvent("CLICK");
    event.setEventKey(key);
    return event;
  }
}
