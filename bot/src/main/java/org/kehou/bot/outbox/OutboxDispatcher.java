package org.kehou.bot.outbox;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.kehou.core.outbox.OutboxClaims;
import org.kehou.core.outbox.OutboxClaims.Batch;
import org.kehou.core.outbox.OutboxMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Drains the outbox on every bot instance. Instances never send one row twice because each row is claimed by exactly
 * one of them (see {@link OutboxClaims}); a row whose claimant died is taken over once its lease expires.
 */
@Component
class OutboxDispatcher implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);

  private final OutboxClaims claims;
  private final WeChatSender sender;
  private final OutboxProperties properties;
  private ScheduledExecutorService executor;

  OutboxDispatcher(OutboxClaims claims, WeChatSender sender, OutboxProperties properties) {
    this.claims = claims;
    this.sender = sender;
    this.properties = properties;
  }

  /** Sends every due row; returns how many rows were settled. */
  int drain() {
    int settled = 0;
    Batch batch;
    do {
      batch = claims.claimDue(properties.batchSize(), properties.lease());
      for (OutboxMessage message : batch.messages()) {
        settle(batch, message, sender.send(message));
        settled++;
      }
    } while (!batch.messages().isEmpty());
    return settled;
  }

  private void settle(Batch batch, OutboxMessage message, Delivery delivery) {
    switch (delivery.outcome()) {
      case SENT -> claims.sent(batch, message, delivery.channel(), delivery.wechatMsgId());
      case RETRY -> {
        if (message.attempts() + 1 >= properties.maxAttempts()) {
          claims.failed(batch, message, delivery.errorCode(), "gave up after retries: " + delivery.error());
        } else {
          claims.retryLater(batch, message, delivery.errorCode(), delivery.error(),
              properties.retryDelay(message.attempts()));
        }
      }
      case RECIPIENT_LEFT -> {
        claims.failed(batch, message, delivery.errorCode(), delivery.error());
        claims.recipientLeft(message.openid());
      }
      case FAILED -> claims.failed(batch, message, delivery.errorCode(), delivery.error());
    }
    if (delivery.outcome() != Delivery.Outcome.SENT) {
      log.info("Outbox message {} ({}) not sent: {} {}", message.id(), message.kind(), delivery.errorCode(),
          delivery.outcome());
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
    if (properties.dispatcherEnabled() && executor == null) {
      executor = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "outbox-dispatcher"));
      long interval = properties.pollInterval().toMillis();
      executor.scheduleWithFixedDelay(this::drainSafely, interval, interval, TimeUnit.MILLISECONDS);
    }
  }

  @Override
  public synchronized void stop() {
    if (executor != null) {
      executor.shutdown();
      try {
        executor.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      executor = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return executor != null;
  }
}
