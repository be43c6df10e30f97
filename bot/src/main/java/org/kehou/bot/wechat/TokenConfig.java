package org.kehou.bot.wechat;

import me.chanjar.weixin.common.redis.WxRedisOps;
import me.chanjar.weixin.mp.config.impl.WxMpRedisConfigImpl;

/**
 * The access token shared by every instance through Redis, also kept in memory for a few seconds: WxJava reads the token
 * and its time to live from Redis before every call, two round trips per message when the outbox sends hundreds a
 * second. A token is kept only while Redis gives it well over those seconds to live; WxJava's expiry on an invalid
 * token (40001) and every refresh clear the copy at once.
 */
final class TokenConfig extends WxMpRedisConfigImpl {

  private static final long KEEP_SECONDS = 5;

  private record Held(String token, long untilNanos) {
  }

  private volatile Held held;

  TokenConfig(WxRedisOps redisOps, String keyPrefix) {
    super(redisOps, keyPrefix);
  }

  @Override
  public String getAccessToken() {
    Held copy = held;
    if (copy != null && System.nanoTime() < copy.untilNanos()) {
      return copy.token();
    }
    String token = super.getAccessToken();
    Long ttl = getRedisOps().getExpire(getAccessTokenKey());
    if (token != null && ttl != null && ttl > 4 * KEEP_SECONDS) {
      held = new Held(token, System.nanoTime() + KEEP_SECONDS * 1_000_000_000L);
    }
    return token;
  }

  @Override
  public boolean isAccessTokenExpired() {
    Held copy = held;
    return (copy == null || System.nanoTime() >= copy.untilNanos()) && super.isAccessTokenExpired();
  }

  @Override
  public synchronized void updateAccessToken(String accessToken, int expiresInSeconds) {
    held = null;
    super.updateAccessToken(accessToken, expiresInSeconds);
  }

  @Override
  public void expireAccessToken() {
    held = null;
    super.expireAccessToken();
  }
}
