package org.kehou.core.cache;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.Response;
import redis.clients.jedis.params.SetParams;

/**
 * One counter per {@link Region} in Redis, shared by every instance of both applications. A cached read remembers the
 * epoch it was read at and is good only while the epoch has not moved; a committed write moves it. Reading the epochs
 * costs one Redis command, which the webhook sends in the same round trip as its dedup claim and then pins for the
 * length of the message.
 */
@Component
public class CacheEpochs {

  private static final Logger log = LoggerFactory.getLogger(CacheEpochs.class);
  private static final Region[] REGIONS = Region.values();
  private static final String[] KEYS = Arrays.stream(REGIONS).map(Region::epochKey).toArray(String[]::new);
  private static final ThreadLocal<long[]> PINNED = new ThreadLocal<>();

  private final RedisClient redis;

  CacheEpochs(RedisClient redis) {
    this.redis = redis;
  }

  /** The epochs as read at one moment. */
  public static final class Snapshot {
    private final long[] values;

    private Snapshot(long[] values) {
      this.values = values;
    }

    long of(Region region) {
      return values[region.ordinal()];
    }
  }

  /** The region's epoch: the one pinned for the message being answered, else Redis's. */
  public long current(Region region) {
    long[] pinned = PINNED.get();
    if (pinned != null) {
      return pinned[region.ordinal()];
    }
    return snapshotOf(redis.mget(KEYS)).of(region);
  }

  /**
   * Queues the reading of every epoch on a pipeline the caller sends anyway; the supplier answers after its sync. A
   * missing counter (Redis restarted, it keeps nothing on disk) starts at a random value, so an entry remembered from
   * before the restart never matches it by chance.
   */
  public Supplier<Snapshot> queue(AbstractPipeline pipeline) {
    Response<List<String>> values = pipeline.mget(KEYS);
    return () -> snapshotOf(values.get());
  }

  private Snapshot snapshotOf(List<String> read) {
    if (read.contains(null)) {
      for (Region region : REGIONS) {
        redis.set(region.epochKey(), Long.toString(seed()), SetParams.setParams().nx());
      }
      read = redis.mget(KEYS);
    }
    long[] epochs = new long[REGIONS.length];
    for (int i = 0; i < epochs.length; i++) {
      epochs[i] = Long.parseLong(read.get(i));
    }
    return new Snapshot(epochs);
  }

  /** Runs {@code work} with these epochs for every cached read it makes, instead of one Redis read each. */
  public <T> T pinned(Snapshot snapshot, Supplier<T> work) {
    long[] previous = PINNED.get();
    PINNED.set(snapshot.values.clone());
    try {
      return work.get();
    } finally {
      if (previous == null) {
        PINNED.remove();
      } else {
        PINNED.set(previous);
      }
    }
  }

  /** Moves the regions on once the running transaction commits, or at once when there is none. */
  void advanceAfterCommit(Set<Region> regions) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      advance(regions);
      return;
    }
    // Synchronizations belong to one transaction (an inner REQUIRES_NEW gets its own list): one advance per commit.
    AdvanceOnCommit pending = TransactionSynchronizationManager.getSynchronizations().stream()
        .filter(AdvanceOnCommit.class::isInstance).map(AdvanceOnCommit.class::cast).findFirst()
        .orElseGet(() -> {
          AdvanceOnCommit created = new AdvanceOnCommit();
          TransactionSynchronizationManager.registerSynchronization(created);
          return created;
        });
    pending.regions.addAll(regions);
  }

  private final class AdvanceOnCommit implements TransactionSynchronization {
    private final Set<Region> regions = EnumSet.noneOf(Region.class);

    @Override
    public void afterCommit() {
      advance(regions);
    }
  }

  void advance(Set<Region> regions) {
    if (regions.isEmpty()) {
      return;
    }
    List<Region> order = new ArrayList<>(regions);
    try (Pipeline pipeline = redis.pipelined()) {
      List<Response<Long>> moved = new ArrayList<>();
      for (Region region : order) {
        pipeline.set(region.epochKey(), Long.toString(seed()), SetParams.setParams().nx());
        moved.add(pipeline.incr(region.epochKey()));
      }
      pipeline.sync();
      long[] pinned = PINNED.get();
      if (pinned != null) {
        // The message that wrote must read its own write, not what was cached before it.
        for (int i = 0; i < order.size(); i++) {
          pinned[order.get(i).ordinal()] = moved.get(i).get();
        }
      }
    } catch (RuntimeException e) {
      // The write has committed and cannot be undone; cached entries still expire (EpochCache.MAX_AGE).
      log.error("Could not move the cache epochs {} after a committed write", regions, e);
    }
  }

  private static long seed() {
    return ThreadLocalRandom.current().nextLong(1L << 40, 1L << 52);
  }
}
