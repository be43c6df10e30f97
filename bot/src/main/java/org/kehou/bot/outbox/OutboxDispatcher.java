package org.kehou.bot.outbox;

import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.kehou.core.outbox.OutboxClaims;
import org.kehou.core.outbox.OutboxClaims.Batch;
import org.kehou.core.outbox.OutboxMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Drains the outbox on every bot instance, up to {@code concurrency} sends in flight and {@code max-per-second} started
 * per second. Instances never send one row twice: each row is claimed by one of them (see {@link OutboxClaims}), and
 * the claim is renewed and checked right before the row is sent, so a row whose lease ran out while it waited here is
 * left to whoever took it over. A row whose claimant died is taken over once its lease expires.
 */
@Component
class OutboxDispatcher implements SmartLifecycle, DisposableBean, OutboxNudge {

  private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);

  /** last_error_code of a send that failed inside Kehou before WeChat answered (retried like a busy WeChat). */
  static final int INTERNAL_ERROR = -2;

  private final OutboxClaims claims;
  private final WeChatSender sender;
  private final OutboxProperties properties;
  private final SendRate rate;
  private final SentRecorder sentRecorder;
  private final Semaphore slots;
  private final ExecutorService senders;
  private volatile boolean stopping;
  private ScheduledExecutorService poller;
  private final AtomicBoolean nudged = new AtomicBoolean();

  OutboxDispatcher(OutboxClaims claims, WeChatSender sender, OutboxProperties properties) {
    this.claims = claims;
    this.sender = sender;
    this.properties = properties;
    this.rate = new SendRate(properties.maxPerSecond());
    this.sentRecorder = new SentRecorder(claims);
    this.slots = new Semaphore(2 * properties.concurrency());
    AtomicInteger threads = new AtomicInteger();
    this.senders = Executors.newFixedThreadPool(properties.concurrency(), r -> {
      Thread thread = new Thread(r, "outbox-sender-" + threads.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
  }

  /**
   * Sends every due row and returns once none is left and every send has been settled; returns how many rows were
   * settled. At most twice {@code concurrency} rows are claimed and unsettled at once: one set in flight, the next
   * ready for the moment a sender is free, so that claiming never leaves a sender idle and no row waits here long.
   */
  int drain() {
    AtomicInteger settled = new AtomicInteger();
    try {
      while (!stopping) {
        slots.acquire();
        int free = 1 + slots.drainPermits();
        int wanted = Math.min(free, properties.batchSize());
        slots.release(free - wanted);
        Batch batch;
        try {
          batch = claims.claimDue(wanted, properties.lease());
        } catch (RuntimeException e) {
          slots.release(wanted);
          throw e;
        }
        slots.release(wanted - batch.messages().size());
        if (batch.messages().isEmpty()) {
          break;
        }
        Set<String> openWindows = sender.openWindows(batch.messages());
        for (OutboxMessage message : batch.messages()) {
          senders.execute(() -> {
            try {
              if (sendOne(batch, message, openWindows)) {
                settled.incrementAndGet();
              }
            } finally {
              slots.release();
            }
          });
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      awaitSendsInFlight();
    }
    return settled.get();
  }

  /** One row, start to finish; whatever goes wrong stays with this row and never holds up the rest of its batch. */
  private boolean sendOne(Batch batch, OutboxMessage message, Set<String> openWindows) {
    try {
      if (stopping || !rate.acquire()) {
        claims.release(batch, message);
        return false;
      }
      if (!claims.holdForSending(batch, message, properties.lease())) {
        log.info("Outbox message {} ({}) left unsent here: claim taken over, cancelled or not to be sent now",
            message.id(), message.kind());
        return false;
      }
      settleRetryingDeadlocks(batch, message, sendCatching(message, openWindows));
      return true;
    } catch (RuntimeException e) {
      // The database failed us: the row comes back after its lease.
      log.warn("Outbox message {} ({}) could not be settled", message.id(), message.kind(), e);
      return false;
    }
  }

  private Delivery sendCatching(OutboxMessage message, Set<String> openWindows) {
    try {
      return sender.send(message, openWindows);
    } catch (RuntimeException e) {
      log.warn("Outbox message {} ({}) failed before WeChat answered", message.id(), message.kind(), e);
      return new Delivery(Delivery.Outcome.RETRY, null, null, INTERNAL_ERROR,
          "not sent, error in Kehou: " + e.getClass().getSimpleName());
    }
  }

  /** Recording outcomes of many concurrent sends can deadlock in InnoDB now and then; the loser is simply tried again. */
  private void settleRetryingDeadlocks(Batch batch, OutboxMessage message, Delivery delivery) {
    for (int attempt = 1; ; attempt++) {
      try {
        settle(batch, message, delivery);
        return;
      } catch (TransientDataAccessException e) {
        if (attempt == 3) {
          throw e;
        }
      }
    }
  }

  private void settle(Batch batch, OutboxMessage message, Delivery delivery) {
    switch (delivery.outcome()) {
      // Recorded with the other sends finishing meanwhile, in one statement (see SentRecorder).
      case SENT -> sentRecorder.record(new OutboxClaims.Sent(batch, message, delivery.channel(),
          delivery.wechatMsgId()));
      case RETRY -> {
        if (message.attempts() + 1 >= properties.maxAttempts()) {
          claims.failed(batch, message, delivery.errorCode(), "gave up after retries: " + delivery.error());
        } else {
          claims.retryLater(batch, message, delivery.errorCode(), delivery.error(),
              properties.retryDelay(message.attempts()));
        }
      }
      case RECIPIENT_LEFT -> {
        // The binding ends first: whoever sees the row failed (staff, a test) then also sees why nothing more is sent.
        claims.recipientLeft(message.openid());
        claims.failed(batch, message, delivery.errorCode(), delivery.error());
      }
      case FAILED -> claims.failed(batch, message, delivery.errorCode(), delivery.error());
    }
    if (delivery.outcome() != Delivery.Outcome.SENT) {
      log.info("Outbox message {} ({}) not sent: {} {}", message.id(), message.kind(), delivery.errorCode(),
          delivery.outcome());
    }
  }

  private void awaitSendsInFlight() {
    int all = 2 * properties.concurrency();
    boolean interrupted = false;
    while (true) {
      try {
        slots.acquire(all);
        slots.release(all);
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void queued() {
    ScheduledExecutorService current = poller;
    if (current == null || !nudged.compareAndSet(false, true)) {
      return; // not dispatching here, or a drain is already on its way
    }
    try {
      current.execute(() -> {
        nudged.set(false);
        drainSafely();
      });
    } catch (RejectedExecutionException e) {
      nudged.set(false); // stopping
    }
  }

  private void drainSafely() {
    try {
      drain();
    } catch (RuntimeException e) {
      // The next tick retries; claimed rows come back after their lease.
      log.warn("Outbox drain failed", e);
    }
  }

  @Override
  public synchronized void start() {
    if (properties.dispatcherEnabled() && poller == null) {
      stopping = false;
      poller = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "outbox-dispatcher"));
      long interval = properties.pollInterval().toMillis();
      poller.scheduleWithFixedDelay(this::drainSafely, interval, interval, TimeUnit.MILLISECONDS);
    }
  }

  /** Sends already started finish; claimed rows not yet started are given back at once. */
  @Override
  public synchronized void stop() {
    if (poller != null) {
      stopping = true;
      poller.shutdown();
      try {
        poller.awaitTermination(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      poller = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return poller != null;
  }

  @Override
  public void destroy() {
    stopping = true;
    senders.shutdownNow();
    try {
      // Sends already made are recorded before the recorder stops, as far as the senders finish in time.
      senders.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    sentRecorder.close();
  }
}
