package org.kehou.admin.outbox;

import java.time.LocalDateTime;
import org.kehou.core.outbox.OutboxMessage;
import org.kehou.core.outbox.OutboxState;

/**
 * A message as staff see it: what was said and whether it arrived. No openid, no raw WeChat error text, no template
 * fields (the body says the same), and nothing from the guardian's record such as a phone number.
 */
record MessageView(long id, long guardianId, Long studentId, String kind, OutboxState state, int attempts,
    String channel, Integer lastErrorCode, LocalDateTime createdAt, LocalDateTime sentAt, String body) {

  static MessageView of(OutboxMessage m) {
    return new MessageView(m.id(), m.guardianId(), m.studentId(), m.kind(), m.state(), m.attempts(), m.channel(),
        m.lastErrorCode(), m.createdAt(), m.sentAt(), m.body());
  }
}
