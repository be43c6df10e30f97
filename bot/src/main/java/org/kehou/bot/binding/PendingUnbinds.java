package org.kehou.bot.binding;

import org.kehou.bot.wechat.PendingConfirmations;
import org.springframework.stereotype.Component;
import redis.clients.jedis.RedisClient;

/** The guardian a parent asked to unbind from, until 确认解绑. */
@Component
class PendingUnbinds extends PendingConfirmations {

  PendingUnbinds(RedisClient redis) {
    super(redis, "kehou:binding:unbind:");
  }
}
