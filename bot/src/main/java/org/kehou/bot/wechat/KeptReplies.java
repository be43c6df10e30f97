package org.kehou.bot.wechat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.SetParams;

/**
 * Every reply, kept in Redis for WeChat's retries of the same message. WeChat retries five seconds after a delivery at
 * the soonest, so the replies are written by one thread per instance, many in one round trip, instead of one more round
 * trip per message; until its batch is written, a reply is answered from this instance's memory.
 */
@Component
class KeptReplies implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(KeptReplies.class);
  private static final int MAX_QUEUED = 10_000;
  private static final int MAX_BATCH = 500;

  private final RedisClient redis;
  private final BlockingQueue<Kept> queue = new ArrayBlockingQueue<>(MAX_QUEUED);
  private final Map<String, String> unwritten = new ConcurrentHashMap<>();
  private volatile Thread writer;

  KeptReplies(RedisClient redis) {
    this.redis = redis;
  }

  private record Kept(String key, String value) {
  }

  void keep(String key, String value) {
    Kept kept = new Kept(key, value);
    unwritten.put(key, value);
    if (writer == null || !queue.offer(kept)) {
      // Not running yet or already stopped, or Redis has fallen far behind: write on the caller's thread.
      write(List.of(kept));
    }
  }

  /** The value kept for this key and not yet in Redis, if any. */
  String unwritten(String key) {
    return unwritten.get(key);
  }

  private void writeBatches() {
    List<Kept> batch = new ArrayList<>(MAX_BATCH);
    while (!Thread.currentThread().isInterrupted()) {
      try {
        batch.add(queue.take());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      queue.drainTo(batch, MAX_BATCH - 1);
      write(batch);
      batch.clear();
    }
  }

  private void write(List<Kept> batch) {
    try (Pipeline pipeline = redis.pipelined()) {
      for (Kept kept : batch) {
        // The reply replaces the message's claim and lives as long as it was to (see MessageDedup): a claim gone by
        // now has outlived every retry, and is not brought back.
        pipeline.set(kept.key(), kept.value(), SetParams.setParams().xx().keepTtl());
      }
      pipeline.sync();
    } catch (RuntimeException e) {
      // The claims expire with their TTL; a retry meanwhile is told nothing rather than handled twice.
      log.warn("Could not keep {} replies for WeChat's retries", batch.size(), e);
    } finally {
      batch.forEach(kept -> unwritten.remove(kept.key(), kept.value()));
    }
  }

  @Override
  public synchronized void start() {
    if (writer == null) {
      writer = new Thread(this::writeBatches, "kept-replies");
      writer.setDaemon(true);
      writer.start();
    }
  }

  @Override
  public void stop() {
    Thread running;
    synchronized (this) {
      running = writer;
      writer = null;
    }
    if (running != null) {
      running.interrupt();
      try {
        running.join(2000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    List<Kept> rest = new ArrayList<>();
    queue.drainTo(rest);
    if (!rest.isEmpty()) {
      write(rest);
    }
  }

  @Override
  public boolean isRunning() {
    return writer != null;
  }
}
