package org.kehou.bot.agreement;

import org.kehou.bot.wechat.PendingConfirmations;
import org.springframework.stereotype.Component;
import redis.clients.jedis.RedisClient;

/**
 * The child whose agreement {@code 协议} last showed this WeChat user: the registered name typed next signs that one,
 * even when another child's agreement waits too.
 */
@Component
class ShownAgreements extends PendingConfirmations {

  ShownAgreements(RedisClient redis) {
    super(redis, "kehou:agreement:shown:");
  }
}
