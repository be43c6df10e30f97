package org.kehou.bot.withdrawal;

import org.kehou.bot.wechat.PendingConfirmations;
import org.springframework.stereotype.Component;
import redis.clients.jedis.RedisClient;

/** The child a parent asked to withdraw, until 确认退出. */
@Component
class PendingWithdrawals extends PendingConfirmations {

  PendingWithdrawals(RedisClient redis) {
    super(redis, "kehou:withdrawal:pending:");
  }
}
