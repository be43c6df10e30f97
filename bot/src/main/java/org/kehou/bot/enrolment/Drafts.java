package org.kehou.bot.enrolment;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import redis.clients.jedis.AbstractTransaction;
import redis.clients.jedis.RedisClient;

/**
 * The 报名 conversation between messages, in Redis so any bot instance can take the next message; it expires after
 * {@code kehou.conversation.ttl} of silence.
 */
@Component
class Drafts {

  /**
   * @param listed the offering ids in the order they were numbered for the parent
   * @param chosen the ids the parent picked; empty until the parent answers with numbers
   */
  record Draft(long studentId, long termId, List<Long> listed, List<Long> chosen) {

    boolean picked() {
      return !chosen.isEmpty();
    }
  }

  private final RedisClient redis;
  private final long ttlSeconds;

  Drafts(RedisClient redis, @Value("${kehou.conversation.ttl:30m}") Duration ttl) {
    this.redis = redis;
    this.ttlSeconds = ttl.toSeconds();
  }

  private static String key(String openid) {
    return "kehou:conversation:" + openid;
  }

  void save(String openid, Draft draft) {
    try (AbstractTransaction t = redis.multi()) {
      t.del(key(openid));
      t.hset(key(openid), Map.of(
          "studentId", Long.toString(draft.studentId()),
          "termId", Long.toString(draft.termId()),
          "listed", join(draft.listed()),
          "chosen", join(draft.chosen())));
      t.expire(key(openid), ttlSeconds);
      t.exec();
    }
  }

  Optional<Draft> find(String openid) {
    Map<String, String> fields = redis.hgetAll(key(openid));
    if (fields.isEmpty() || !fields.containsKey("studentId")) {
      return Optional.empty();
    }
    return Optional.of(new Draft(Long.parseLong(fields.get("studentId")), Long.parseLong(fields.get("termId")),
        split(fields.get("listed")), split(fields.get("chosen"))));
  }

  boolean drop(String openid) {
    return redis.del(key(openid)) > 0;
  }

  private static String join(List<Long> ids) {
    return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
  }

  private static List<Long> split(String value) {
    if (value == null || value.isEmpty()) {
      return List.of();
    }
    return Arrays.stream(value.split(",")).map(Long::parseLong).toList();
  }
}
