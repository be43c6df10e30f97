package org.kehou.bot.outbox;

import static java.util.stream.Collectors.toSet;

import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import me.chanjar.weixin.common.api.WxConsts.EventType;
import me.chanjar.weixin.common.api.WxConsts.XmlMsgType;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import org.springframework.stereotype.Component;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.SetParams;

/**
 * WeChat accepts customer-service messages to a follower only within 48 hours of the follower's last message, menu
 * click, follow or QR scan. The webhook records each such moment in Redis, in the round trip it makes anyway; the
 * sender asks before choosing a channel. Losing the record only means a template message instead.
 */
@Component
public class CustomerServiceWindow {

  /** An hour short of WeChat's 48, so a message queued at the edge does not go out after the window closed. */
  static final Duration OPEN_FOR = Duration.ofHours(47);
  /** Events WeChat counts as the follower's own action (its documentation lists these; not reports such as VIEW). */
  private static final Set<String> USER_EVENTS = Stream.of(EventType.SUBSCRIBE, EventType.SCAN, EventType.CLICK,
      EventType.SCANCODE_PUSH, EventType.SCANCODE_WAITMSG).map(e -> e.toLowerCase(Locale.ROOT)).collect(toSet());

  private final RedisClient redis;

  CustomerServiceWindow(RedisClient redis) {
    this.redis = redis;
  }

  /** Queues the record of an inbound message on the webhook's pipeline; a report from WeChat opens nothing. */
  public void inbound(Pipeline pipeline, WxMpXmlMessage message) {
    boolean userAction = !XmlMsgType.EVENT.equals(message.getMsgType())
        || (message.getEvent() != null && USER_EVENTS.contains(message.getEvent().toLowerCase(Locale.ROOT)));
    if (userAction && message.getFromUser() != null) {
      pipeline.set(key(message.getFromUser()), Long.toString(message.getCreateTime() == null ? 0
          : message.getCreateTime()), SetParams.setParams().ex(OPEN_FOR.toSeconds()));
    }
  }

  boolean isOpen(String openid) {
    return redis.exists(key(openid));
  }

  /**
   * Which of these followers have their window open, in one round trip: the dispatcher asks once per claimed batch
   * rather than once per row. The answer may be a few seconds old when a row is sent; the hour {@link #OPEN_FOR} keeps
   * short of WeChat's 48 covers a window closing meanwhile, and one opening meanwhile only means a template instead.
   */
  Set<String> openAmong(Collection<String> openids) {
    List<String> distinct = openids.stream().filter(Objects::nonNull).distinct().toList();
    if (distinct.isEmpty()) {
      return Set.of();
    }
    List<String> values = redis.mget(distinct.stream().map(CustomerServiceWindow::key).toArray(String[]::new));
    Set<String> open = new HashSet<>();
    for (int i = 0; i < distinct.size(); i++) {
      if (values.get(i) != null) {
        open.add(distinct.get(i));
      }
    }
    return open;
  }

  private static String key(String openid) {
    return "kehou:outbox:window:" + openid;
  }
}
