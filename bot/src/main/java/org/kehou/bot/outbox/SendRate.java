package org.kehou.bot.outbox;

import java.util.concurrent.locks.LockSupport;

/** Spaces calls to WeChat evenly so that no more than {@code perSecond} start in any second; 0 means no limit. */
final class SendRate {

  private final long intervalNanos;
  private long nextSlot;

  SendRate(int perSecond) {
    this.intervalNanos = perSecond <= 0 ? 0 : 1_000_000_000L / perSecond;
  }

  /** Waits for this caller's slot; false if interrupted while waiting. */
  boolean acquire() {
    if (intervalNanos == 0) {
      return true;
    }
    long slot;
    synchronized (this) {
      // An idle spell earns no burst: the next slot starts from now.
      slot = Math.max(nextSlot, System.nanoTime());
      nextSlot = slot + intervalNanos;
    }
    long wait;
    while ((wait = slot - System.nanoTime()) > 0) {
      LockSupport.parkNanos(wait);
      if (Thread.currentThread().isInterrupted()) {
        return false;
      }
    }
    return true;
  }
}
