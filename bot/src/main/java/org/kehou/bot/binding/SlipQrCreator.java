package org.kehou.bot.binding;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.common.error.WxRuntimeException;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.bean.result.WxMpQrCodeTicket;
import org.kehou.core.binding.SlipQrRequest;
import org.kehou.core.binding.SlipQrTickets;
import org.kehou.core.binding.SlipQrTickets.Batch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Creates the WeChat QR codes the admin API asked for (it holds no WeChat credentials), on every bot instance. Each
 * row is claimed by one instance and its claim renewed right before the call, so two instances never create a ticket
 * for the same row. WeChat errors are retried with backoff; a ticket's url and the code are never logged.
 */
@Component
class SlipQrCreator implements SmartLifecycle {

  /** Temporary QR codes live at most 30 days (WeChat's limit). */
  static final long MAX_SECONDS = 30L * 24 * 3600;
  /** WeChat's shortest temporary QR code; a code ending sooner gets none. */
  static final long MIN_SECONDS = 60;
  /** api unauthorized: the account may not create QR codes (a subscription or unverified account); retrying is vain. */
  static final int UNAUTHORIZED = 48001;
  /** Something in Kehou failed before WeChat answered. */
  static final int INTERNAL_ERROR = -2;
  private static final Logger log = LoggerFactory.getLogger(SlipQrCreator.class);

  private final SlipQrTickets tickets;
  private final WxMpService wechat;
  private final SlipQrProperties properties;
  private final Clock clock;
  private ScheduledExecutorService poller;

  SlipQrCreator(SlipQrTickets tickets, WxMpService wechat, SlipQrProperties properties, Clock clock) {
    this.tickets = tickets;
    this.wechat = wechat;
    this.properties = properties;
    this.clock = clock;
  }

  /** Creates every QR code due now, batch by batch; returns how many rows were settled here. */
  int createDue() {
    tickets.sweep();
    int settled = 0;
    while (true) {
      Batch batch = tickets.claimDue(properties.batchSize(), properties.lease());
      if (batch.requests().isEmpty()) {
        return settled;
      }
      for (SlipQrRequest request : batch.requests()) {
        if (tickets.hold(batch, request, properties.lease())) {
          create(batch, request);
          settled++;
        }
      }
    }
  }

  private void create(Batch batch, SlipQrRequest request) {
    LocalDateTime now = LocalDateTime.now(clock);
    // Never beyond the code's own end: a slip must not bind once its code no longer would.
    long seconds = Math.min(MAX_SECONDS, Duration.between(now, request.codeExpiresAt()).toSeconds());
    if (seconds < MIN_SECONDS) {
      tickets.drop(request);
      return;
    }
    int code;
    try {
      WxMpQrCodeTicket ticket = wechat.getQrcodeService().qrCodeCreateTmpTicket(request.code(), (int) seconds);
      if (ticket.getUrl() != null && !ticket.getUrl().isBlank()) {
        long granted = ticket.getExpireSeconds() > 0 ? Math.min(ticket.getExpireSeconds(), seconds) : seconds;
        tickets.ready(batch, request, ticket.getUrl(), now.plusSeconds(granted));
        return;
      }
      code = INTERNAL_ERROR;
    } catch (WxErrorException e) {
      code = e.getError().getErrorCode();
    } catch (WxRuntimeException e) {
      code = -1; // WxJava gave up on "system busy" after its own retry
    } catch (RuntimeException e) {
      log.warn("Slip QR code {} not created: error in Kehou", request.id(), e);
      code = INTERNAL_ERROR;
    }
    if (code == UNAUTHORIZED || request.attempts() + 1 >= properties.maxAttempts()) {
      log.warn("Slip QR code {} not created, giving up: errcode {} (the slip is printed with its code only)",
          request.id(), code);
      tickets.failed(batch, request, code);
    } else {
      log.info("Slip QR code {} not created, retrying later: errcode {}", request.id(), code);
      tickets.retryLater(batch, request, code, properties.retryDelay(request.attempts()));
    }
  }

  private void createSafely() {
    try {
      createDue();
    } catch (RuntimeException e) {
      // The next tick retries; claimed rows come back after their lease.
      log.warn("Creating slip QR codes failed", e);
    }
  }

  @Override
  public synchronized void start() {
    if (properties.enabled() && poller == null) {
      poller = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "slip-qr-creator"));
      long interval = properties.pollInterval().toMillis();
      poller.scheduleWithFixedDelay(this::createSafely, interval, interval, TimeUnit.MILLISECONDS);
    }
  }

  @Override
  public synchronized void stop() {
    if (poller != null) {
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
}
