package org.kehou.bot.wechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
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

  private static WxMpXmlMessage text(long msgId) {
    WxMpXmlMessage message = new WxMpXmlMessage();
    message.setFromUser("o" + UUID.randomUUID());
    message.setMsgType("text");
    message.setMsgId(msgId);
    return message;
  }

  @Test
  void retryArrivingWhileTheFirstDeliveryIsStillRunningGetsNoSecondRun() {
    WxMpXmlMessage message = text(System.nanoTime());
    assertThat(dedup.claim(message)).isInstanceOf(MessageDedup.First.class);
    assertThat(dedup.claim(message)).isInstanceOf(MessageDedup.Running.class);
  }

  @Test
  void retryAfterTheAnswerGetsTheSameAnswer() {
    WxMpXmlMessage message = text(System.nanoTime());
    MessageDedup.First first = (MessageDedup.First) dedup.claim(message);
    dedup.answered(first, "<xml>reply</xml>");
    assertThat(dedup.claim(message)).isEqualTo(new MessageDedup.Answered("<xml>reply</xml>"));
  }

  @Test
  void theAnswerReachesRedisSoARetryAtAnotherInstanceGetsItToo() {
    WxMpXmlMessage message = text(System.nanoTime());
    MessageDedup.First first = (MessageDedup.First) dedup.claim(message);

    dedup.answered(first, "<xml>kept</xml>");

    await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> {
      assertThat(redis.get(first.key())).isEqualTo("DONE:<xml>kept</xml>");
    });
    assertThat(redis.ttl(first.key())).isPositive();
  }

  @Test
  void failedDeliveryIsReleasedSoTheRetryRunsAgain() {
    WxMpXmlMessage message = text(System.nanoTime());
    dedup.release((MessageDedup.First) dedup.claim(message));
    assertThat(dedup.claim(message)).isInstanceOf(MessageDedup.First.class);
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

    MessageDedup.First first = (MessageDedup.First) dedup.claim(letter);
    dedup.answered(first, "<xml>letter</xml>");

    assertThat(dedup.claim(apply)).isInstanceOf(MessageDedup.First.class);
    assertThat(dedup.claim(click("告家长书"))).isEqualTo(new MessageDedup.Answered("<xml>letter</xml>"));
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
