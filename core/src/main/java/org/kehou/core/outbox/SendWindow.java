package org.kehou.core.outbox;

import java.time.LocalDateTime;

/**
 * When a kind of message may go out. Checked by the dispatcher just before each send, so a message that became due at
 * night (a retry after backoff, a row queued just before the quiet hours) waits instead of waking a parent.
 */
public interface SendWindow {

  /** {@code at} when a message of this kind may be sent then, otherwise the first moment it may. */
  LocalDateTime earliest(String kind, LocalDateTime at);

  /** Whether messages of this kind have a window at all. */
  boolean restricts(String kind);

  /**
   * Whether a message of this kind may be withdrawn after a dispatcher claimed it (a reminder whose occasion passed),
   * so that the dispatcher re-reads its row right before sending instead of trusting its claim: one more statement
   * per message.
   */
  boolean withdrawable(String kind);
}
