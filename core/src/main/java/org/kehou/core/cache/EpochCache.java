package org.kehou.core.cache;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Reads kept in this instance's memory while their {@link Region}'s epoch stands. The epoch is read before loading, so
 * a write committing during the load leaves the entry already out of date, never stale and trusted. Entries also lapse
 * after {@link #MAX_AGE}, for changes made to the database behind the application's back.
 */
public final class EpochCache<K, V> {

  static final Duration MAX_AGE = Duration.ofMinutes(5);
  private static final Logger log = LoggerFactory.getLogger(EpochCache.class);

  private final CacheEpochs epochs;
  private final Region region;
  private final int maxEntries;
  private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();

  public EpochCache(CacheEpochs epochs, Region region, int maxEntries) {
    this.epochs = epochs;
    this.region = region;
    this.maxEntries = maxEntries;
  }

  private record Entry<V>(long epoch, long loadedAtNanos, V value) {
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
    V value = load.get();
    if (entries.size() >= maxEntries) {
      // Crude but bounded: a full cache starts again rather than tracking recency on every hit.
      entries.clear();
    }
    entries.put(key, new Entry<>(epoch, now, value));
    return value;
  }
}
