package org.kehou.core.outbox;

public enum OutboxState {
  /** Due at next_attempt_at. */
  PENDING,
  /** Claimed by one dispatcher until claimed_until. */
  SENDING,
  SENT,
  /** WeChat refused it for good (unsubscribed, refused, bad openid) or the retries ran out. */
  FAILED,
  /** The guardian had no active WeChat binding: nothing to send, kept so staff see who was not reached. */
  NO_RECIPIENT,
  /** Withdrawn before it went out, because what it asked for was already done (a reminder for a signed agreement). */
  CANCELLED
}
