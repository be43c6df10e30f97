package org.kehou.bot.wechat;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import me.chanjar.weixin.common.redis.WxRedisOps;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.SetParams;

/**
 * WxJava's Redis access on the application's Redis client: WxJava's own Jedis adapter was built on Jedis 3's pool and
 * fails on current Jedis. The access token and its refresh lock live here, shared by every bot instance.
 */
class RedisClientWxRedisOps implements WxRedisOps {

  private static final String RELEASE =
      "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";
  private static final long LOCK_LEASE_MILLIS = 30_000;
  private static final long RETRY_MILLIS = 50;

  private final RedisClient redis;

  RedisClientWxRedisOps(RedisClient redis) {
    this.redis = redis;
  }

  @Override
  public String getValue(String key) {
    return redis.get(key);
  }

  @Override
  public void setValue(String key, String value, int expire, TimeUnit unit) {
    if (expire > 0) {
      redis.set(key, value, SetParams.setParams().px(unit.toMillis(expire)));
    } else {
      redis.set(key, value);
    }
  }

  @Override
  public Long getExpire(String key) {
    return redis.ttl(key);
  }

  @Override
  public void expire(String key, int expire, TimeUnit unit) {
    redis.pexpire(key, unit.toMillis(expire));
  }

  @Override
  public Lock getLock(String key) {
    return new RedisLock(key);
  }

  /** SET NX PX with a per-holder token; released only by its holder, so an expired lease is never freed twice. */
  private final class RedisLock implements Lock {
    private final String key;
    private final ThreadLocal<String> holder = new ThreadLocal<>();

    RedisLock(String key) {
      this.key = key;
    }

    @Override
    public boolean tryLock() {
      String token = UUID.randomUUID().toString();
      if ("OK".equals(redis.set(key, token, SetParams.setParams().nx().px(LOCK_LEASE_MILLIS)))) {
        holder.set(token);
        return true;
      }
      return false;
    }

    @Override
    public boolean tryLock(long time, TimeUnit unit) throws InterruptedException {
      long deadline = System.nanoTime() + unit.toNanos(time);
      while (!tryLock()) {
        if (System.nanoTime() >= deadline) {
          return false;
        }
        TimeUnit.MILLISECONDS.sleep(RETRY_MILLIS);
      }
      return true;
    }

    @Override
    public void lock() {
      try {
        lockInterruptibly();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting for " + key, e);
      }
    }

    @Override
    public void lockInterruptibly() throws InterruptedException {
      while (!tryLock()) {
        TimeUnit.MILLISECONDS.sleep(RETRY_MILLIS);
      }
    }

    @Override
    public void unlock() {
      String token = holder.get();
      if (token == null) {
        return;
      }
      holder.remove();
      redis.eval(RELEASE, List.of(key), List.of(token));
    }

    @Override
    public Condition newCondition() {
      throw new UnsupportedOperationException("Redis locks have no conditions");
    }
  }
}
