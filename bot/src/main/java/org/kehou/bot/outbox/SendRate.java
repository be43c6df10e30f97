package org.kehou.bot.outbox;

import java.util.concurrent.locks.LockSupport;

/**
 * Keeps calls to WeChat at {@code perSecond} on average (0: no limit). Calls are spaced evenly, except that up to a
 * tenth of a second's worth may start together, so that senders freed at the same moment need not queue behind each
 * other; over any second no more than {@code perSecond} plus that tenth start.
 */
final class SendRate {

  private final long intervalNanos;
  private final long burstNanos;
  private long theoretical;

  SendRate(int perSecond) {
    this.intervalNanos = perSecond <= 0 ? 0 : 1_000_000_000L / perSecond;
    this.burstNanos = intervalNanos * Math.max(0, perSecond / 10 - 1);
  }

  /** Waits for this caller's turn; false if interrupted while waiting. */
  boolean acquire() {
    if (intervalNanos == 0) {
      return true;
    }
    long startAt;
    synchronized (this) {
      // An idle spell earns no more than the burst: the schedule restarts from now.
      long now = System.nanoTime();
      long due = Math.max(theoretical, now);
      startAt = due - burstNanos;
      theoretical = due + intervalNanos;
    }
    long wait;
    while ((wait = startAt - System.nanoTime()) > 0) {
      LockSupport.parkNanos(wait);
      if (Thread.currentThread().isInterrupted()) {
        return false;
      }
    }
    return true;
  }
}
