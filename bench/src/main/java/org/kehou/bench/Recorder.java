package org.kehou.bench;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/** One worker thread's observations; merged after the run, so the hot path takes no lock. */
final class Recorder {

  private int[] okMicros = new int[4096];
  private int okCount;
  private int[] failedMicros = new int[256];
  private int failedCount;
  final Map<String, Long> errors = new TreeMap<>();
  long lastCompletionNanos;

  void success(long latencyNanos, long completedAt) {
    if (okCount == okMicros.length) {
      okMicros = Arrays.copyOf(okMicros, okCount * 2);
    }
    okMicros[okCount++] = micros(latencyNanos);
    lastCompletionNanos = Math.max(lastCompletionNanos, completedAt);
  }

  /** An answer that does not count; its latency is kept apart to describe a path that only fails. */
  void failure(String kind, long latencyNanos, long completedAt, boolean answered) {
    errors.merge(kind, 1L, Long::sum);
    lastCompletionNanos = Math.max(lastCompletionNanos, completedAt);
    if (answered) {
      if (failedCount == failedMicros.length) {
        failedMicros = Arrays.copyOf(failedMicros, failedCount * 2);
      }
      failedMicros[failedCount++] = micros(latencyNanos);
    }
  }

  void unsent(long count) {
    notSent("not sent before the drain deadline", count);
  }

  /** Messages that were due but never went out, for the reason given. */
  void notSent(String why, long count) {
    if (count > 0) {
      errors.merge(why, count, Long::sum);
    }
  }

  private static int micros(long nanos) {
    return (int) Math.min(Integer.MAX_VALUE, nanos / 1000);
  }

  /** Merged figures of several recorders. */
  record Merged(int[] okMicros, int[] failedMicros, Map<String, Long> errors, long lastCompletionNanos) {

    long errorCount() {
      return errors.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  static Merged merge(Iterable<Recorder> recorders) {
    int ok = 0;
    int failed = 0;
    for (Recorder r : recorders) {
      ok += r.okCount;
      failed += r.failedCount;
    }
    int[] okAll = new int[ok];
    int[] failedAll = new int[failed];
    Map<String, Long> errors = new TreeMap<>();
    long last = 0;
    int o = 0;
    int f = 0;
    for (Recorder r : recorders) {
      System.arraycopy(r.okMicros, 0, okAll, o, r.okCount);
      o += r.okCount;
      System.arraycopy(r.failedMicros, 0, failedAll, f, r.failedCount);
      f += r.failedCount;
      r.errors.forEach((kind, n) -> errors.merge(kind, n, Long::sum));
      last = Math.max(last, r.lastCompletionNanos);
    }
    Arrays.sort(okAll);
    Arrays.sort(failedAll);
    return new Merged(okAll, failedAll, errors, last);
  }
}
