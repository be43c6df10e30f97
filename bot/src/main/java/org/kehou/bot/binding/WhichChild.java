package org.kehou.bot.binding;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import me.chanjar.weixin.mp.api.WxMpMessageMatcher;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;
import org.kehou.bot.wechat.Replies;
import org.kehou.core.binding.WechatBinding;
import org.springframework.stereotype.Component;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.SetParams;

/**
 * Which child a step is about. With the step waiting for one child only, that child; with it waiting for several, the
 * parent is asked (numbered, as {@code 切换} lists them) and the question is kept ten minutes in Redis, so whichever
 * instance gets the number can take the step. As a matcher: a lone number while such a question is open.
 */
@Component
public class WhichChild implements WxMpMessageMatcher {

  private static final long TTL_SECONDS = Duration.ofMinutes(10).toSeconds();
  private static final Pattern NUMBER = Pattern.compile("\\d{1,3}");

  /**
   * @param guardianId who was asked: an answer after the WeChat user bound to someone else is no answer
   * @param studentIds the children in the order they were numbered for the parent
   */
  record Question(long guardianId, String stepId, List<Long> studentIds) {
  }

  private final RedisClient redis;
  private final Replies replies;

  WhichChild(RedisClient redis, Replies replies) {
    this.redis = redis;
    this.replies = replies;
  }

  private static String key(String openid) {
    return "kehou:binding:which-child:" + openid;
  }

  /** Takes the step for the one child it waits for, or asks which when it waits for several; empty when for none. */
  public Optional<WxMpXmlOutMessage> take(WxMpXmlMessage message, WechatBinding binding, ChildStep step) {
    List<WechatBinding.Child> waiting = binding.children().stream().filter(c -> step.pendingFor(c.studentId()))
        .toList();
    if (waiting.isEmpty()) {
      return Optional.empty();
    }
    if (waiting.size() == 1) {
      return Optional.of(step.take(message, binding, waiting.get(0)));
    }
    String ids = waiting.stream().map(c -> String.valueOf(c.studentId())).collect(Collectors.joining(","));
    redis.set(key(message.getFromUser()), binding.guardianId() + ":" + step.id() + ":" + ids,
        SetParams.setParams().ex(TTL_SECONDS));
    return Optional.of(replies.rendered(message, ask(step.id(), waiting)));
  }

  /** Drops an open question: another conversation that takes numbers (报名) has begun. */
  public void forget(String openid) {
    redis.del(key(openid));
  }

  @Override
  public boolean match(WxMpXmlMessage message) {
    return message.getContent() != null && NUMBER.matcher(message.getContent().strip()).matches()
        && redis.exists(key(message.getFromUser()));
  }

  Optional<Question> open(String openid) {
    String value = redis.get(key(openid));
    if (value == null) {
      return Optional.empty();
    }
    String[] parts = value.split(":", 3);
    return Optional.of(new Question(Long.parseLong(parts[0]), parts[1],
        Arrays.stream(parts[2].split(",")).map(Long::parseLong).toList()));
  }

  String ask(String stepId, List<WechatBinding.Child> children) {
    String lines = IntStream.range(0, children.size())
        .mapToObj(i -> replies.message("which.line", Map.of("n", i + 1, "child", replies.child(children.get(i)))))
        .collect(Collectors.joining("\n"));
    return replies.message("which.ask",
        Map.of("question", replies.message("which." + stepId, Map.of()), "children", lines));
  }
}
