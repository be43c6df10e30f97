package org.kehou.core.cache;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Reads kept in this instance's memory while their {@link Region}'s epoch stands. The epoch is read before loading, so
 * a write committing during the load leaves the entry already out of date, never stale and trusted. Entries also lapse
 * after {@link #MAX_AGE}, for changes made to the database behind the application's back.
 *
 * <p>Callers missing the same key at the same epoch share one load: in a sign-up rush every write moves the epoch,
 * and the request threads asking next would otherwise all run the same query at once. Sharing is as exact as the
 * entry the load leaves behind: both were read after that epoch was.
 */
public final class EpochCache<K, V> {

  static final Duration MAX_AGE = Duration.ofMinutes(5);
  private static final Logger log = LoggerFactory.getLogger(EpochCache.class);

  private final CacheEpochs epochs;
  private final Region region;
  private final int maxEntries;
  private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
  private final Map<K, Loading<V>> loading = new ConcurrentHashMap<>();

  public EpochCache(CacheEpochs epochs, Region region, int maxEntries) {
    this.epochs = epochs;
    this.region = region;
    this.maxEntries = maxEntries;
  }

  private record Entry<V>(long epoch, long loadedAtNanos, V value) {
  }

  private record Loading<V>(long epoch, CompletableFuture<V> value) {
  }

  public V get(K key, Supplier<V> load) {
    long epoch;
    try {
      epoch = epochs.current(region);
    } catch (JedisException e) {
      log.warn("Cache epochs unreadable; reading {} from the database", region);
      return load.get();
    }
    long now = System.nanoTime();
    Entry<V> entry = entries.get(key);
    if (entry != null && entry.epoch() == epoch && now - entry.loadedAtNanos() < MAX_AGE.toNanos()) {
      return entry.value();
    }
    Loading<V> mine = new Loading<>(epoch, new CompletableFuture<>());
    Loading<V> running = loading.compute(key, (k, current) -> current != null && current.epoch() == epoch
        ? current : mine);
    if (running != mine) {
      return joined(running, load);
    }
    try {
      V value = load.get();
      if (entries.size() >= maxEntries) {
        // Crude but bounded: a full cache starts again rather than tracking recency on every hit.
        entries.clear();
      }
      entries.put(key, new Entry<>(epoch, now, value));
      mine.value().complete(value);
      return value;
    } catch (RuntimeException | Error e) {
      mine.value().completeExceptionally(e);
      throw e;
    } finally {
      loading.remove(key, mine);
    }
  }

  /** The value another caller is loading at the same epoch; if its load fails, this caller tries on its own. */
  private static <V> V joined(Loading<V> running, Supplier<V> load) {
    try {
      return running.value().get();
    } catch (ExecutionException e) {
      return load.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for a cached read", e);
    }
  }
}
