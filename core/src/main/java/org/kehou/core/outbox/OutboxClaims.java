package org.kehou.core.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * The dispatcher's side of the outbox: claim due rows, then record each outcome. Every outcome update names the claim
 * token, so a dispatcher whose lease ran out (and whose rows another took over) cannot overwrite the newer result.
 */
@Service
public class OutboxClaims {

  private final OutboxMapper mapper;
  private final Clock clock;

  OutboxClaims(OutboxMapper mapper, Clock clock) {
    this.mapper = mapper;
    this.clock = clock;
  }

  /** A batch of due rows now owned by the caller, to be settled within {@code lease}. */
  public Batch claimDue(int limit, Duration lease) {
    LocalDateTime now = LocalDateTime.now(clock);
    mapper.releaseExpiredClaims(now);
    String token = UUID.randomUUID().toString();
    int claimed = mapper.claim(token, now, now.plus(lease), limit);
    return new Batch(token, claimed == 0 ? List.of() : mapper.claimed(token));
  }

  public void sent(Batch batch, OutboxMessage message, String channel, String wechatMsgId) {
    mapper.markSent(message.id(), batch.token(), channel, wechatMsgId, LocalDateTime.now(clock));
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

  public record Batch(String token, List<OutboxMessage> messages) {
  }
}
