package org.kehou.bot.pickup;

import org.kehou.bot.wechat.PendingConfirmations;
import org.springframework.stereotype.Component;
import redis.clients.jedis.RedisClient;

/**
 * The child whose going-home-alone permission {@code 独自离校} (sign) or {@code 取消独自离校} (withdraw) just asked the
 * guardian to confirm with their registered name. Only the next free text answers it: it is consumed either way.
 */
final class HomeAloneQuestions {

  private HomeAloneQuestions() {
  }

  @Component
  static class Signing extends PendingConfirmations {
    Signing(RedisClient redis) {
      super(redis, "kehou:home-alone:sign:");
    }
  }

  @Component
  static class Withdrawing extends PendingConfirmations {
    Withdrawing(RedisClient redis) {
      super(redis, "kehou:home-alone:withdraw:");
    }
  }
}
