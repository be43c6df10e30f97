package org.kehou.core.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dispatcher's side of the outbox: claim due rows, then record each outcome. Every outcome update names the claim
 * token, so a dispatcher whose lease ran out (and whose rows another took over) cannot overwrite the newer result.
 */
@Service
public class OutboxClaims {

  private final OutboxMapper mapper;
  private final Clock clock;
  private final SendWindow window;

  OutboxClaims(OutboxMapper mapper, Clock clock, SendWindow window) {
    this.mapper = mapper;
    this.clock = clock;
    this.window = window;
  }

  /** A batch of due rows now owned by the caller, to be settled within {@code lease}. */
  public Batch claimDue(int limit, Duration lease) {
    LocalDateTime now = LocalDateTime.now(clock);
    for (long id : mapper.expiredClaims(now)) {
      mapper.releaseExpiredClaim(id, now);
    }
    String token = UUID.randomUUID().toString();
    int claimed = mapper.claim(token, now, now.plus(lease), limit);
    return new Batch(token, now, claimed == 0 ? List.of() : mapper.claimed(token));
  }

  /**
   * Called right before one message is sent: whether the caller still owns the row and may send it now. Within the
   * first half of the lease the claim is certainly held (nobody may take it over before the lease ends), which leaves
   * the other half for the send itself; later the claim is renewed for another {@code lease}, in the database, and the
   * answer is false when the lease had run out and another dispatcher took the row over, or the row was cancelled.
   * Rows that may be withdrawn (reminders) always take that second way, so a reminder dropped after it was claimed is
   * not sent. False too when the kind may not go out now (quiet hours): the row is then rescheduled for when it may.
   */
  public boolean holdForSending(Batch batch, OutboxMessage message, Duration lease) {
    LocalDateTime now = LocalDateTime.now(clock);
    LocalDateTime earliest = window.earliest(message.kind(), now);
    if (earliest.isAfter(now)) {
      mapper.defer(message.id(), batch.token(), earliest);
      return false;
    }
    if (!window.withdrawable(message.kind()) && now.isBefore(batch.claimedAt().plus(lease.dividedBy(2)))) {
      return true;
    }
    return mapper.renewClaim(message.id(), batch.token(), now.plus(lease)) == 1;
  }

  /** Gives a claimed row back unsent (the dispatcher is stopping), so it need not wait for the lease. */
  public void release(Batch batch, OutboxMessage message) {
    mapper.releaseClaim(message.id(), batch.token());
  }

  public void sent(Batch batch, OutboxMessage message, String channel, String wechatMsgId) {
    mapper.markSent(message.id(), batch.token(), channel, wechatMsgId, LocalDateTime.now(clock));
  }

  /** A message handed to WeChat, to be recorded with others ({@link #sentAll}). */
  public record Sent(Batch batch, OutboxMessage message, String channel, String wechatMsgId) {
  }

  /**
   * {@link #sent} for many messages in one transaction, one statement per claim and channel (a handful: the claims in
   * flight), each in id order. Rows of different claims may be mixed: each is recorded only under its own claim.
   */
  @Transactional
  public void sentAll(List<Sent> sent) {
    if (sent.isEmpty()) {
      return;
    }
    LocalDateTime now = LocalDateTime.now(clock);
    Map<SentUnder, List<OutboxMapper.SentRow>> groups = new LinkedHashMap<>();
    for (Sent s : sent) {
      groups.computeIfAbsent(new SentUnder(s.batch().token(), s.channel()), k -> new ArrayList<>())
          .add(new OutboxMapper.SentRow(s.message().id(), s.wechatMsgId()));
    }
    groups.forEach((under, rows) -> {
      rows.sort(Comparator.comparingLong(OutboxMapper.SentRow::id));
      mapper.markSentAll(under.token(), under.channel(), rows, now);
    });
  }

  private record SentUnder(String token, String channel) {
  }

  public void retryLater(Batch batch, OutboxMessage message, int errorCode, String error, Duration delay) {
    mapper.markRetry(message.id(), batch.token(), errorCode, truncate(error), LocalDateTime.now(clock).plus(delay));
  }

  public void failed(Batch batch, OutboxMessage message, int errorCode, String error) {
    mapper.markFailed(message.id(), batch.token(), errorCode, truncate(error));
  }

  /** WeChat says the user no longer follows the account: keep the binding, mark it inactive. */
  public void recipientLeft(String openid) {
    mapper.deactivateBinding(openid, LocalDateTime.now(clock));
  }

  private static String truncate(String error) {
    return error == null || error.length() <= 300 ? error : error.substring(0, 300);
  }

  /** Rows claimed under one token; {@code claimedAt} is when the claim (and its lease) began. */
  public record Batch(String token, LocalDateTime claimedAt, List<OutboxMessage> messages) {
  }
}
