package org.kehou.core.binding;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * The bot's side of the slips' QR codes: claim the rows asked for, then record each ticket or failure. Every update
 * names the claim token, so an instance whose lease ran out cannot overwrite what the instance that took over wrote.
 */
@Service
public class SlipQrTickets {

  private final SlipQrMapper mapper;
  private final Clock clock;

  SlipQrTickets(SlipQrMapper mapper, Clock clock) {
    this.mapper = mapper;
    this.clock = clock;
  }

  /** Rows due now, owned by the caller for {@code lease}. */
  public Batch claimDue(int limit, Duration lease) {
    LocalDateTime now = LocalDateTime.now(clock);
    String token = UUID.randomUUID().toString();
    int claimed = mapper.claim(token, now, now.plus(lease), limit);
    return new Batch(token, claimed == 0 ? List.of() : mapper.claimed(token));
  }

  /**
   * Called right before the ticket is created: renews the claim, false when another instance took the row over (or it
   * was settled or deleted meanwhile), so that no two instances ever create a ticket for the same row.
   */
  public boolean hold(Batch batch, SlipQrRequest request, Duration lease) {
    return mapper.renewClaim(request.id(), batch.token(), LocalDateTime.now(clock).plus(lease)) == 1;
  }

  public void ready(Batch batch, SlipQrRequest request, String url, LocalDateTime expiresAt) {
    mapper.ready(request.id(), batch.token(), url, expiresAt, LocalDateTime.now(clock));
  }

  public void retryLater(Batch batch, SlipQrRequest request, int errorCode, Duration delay) {
    mapper.retryLater(request.id(), batch.token(), errorCode, LocalDateTime.now(clock).plus(delay));
  }

  public void failed(Batch batch, SlipQrRequest request, int errorCode) {
    mapper.failed(request.id(), batch.token(), errorCode, LocalDateTime.now(clock));
  }

  /** The code ends before a ticket could be of use: nothing to print, nothing to keep. */
  public void drop(SlipQrRequest request) {
    mapper.delete(List.of(request.id()));
  }

  /** Deletes the rows whose code is used, revoked or expired, or whose ticket has lapsed; returns how many. */
  public int sweep() {
    List<Long> outlived = mapper.outlived(LocalDateTime.now(clock));
    return outlived.isEmpty() ? 0 : mapper.delete(outlived);
  }

  /** Rows claimed under one token. */
  public record Batch(String token, List<SlipQrRequest> requests) {
  }
}
