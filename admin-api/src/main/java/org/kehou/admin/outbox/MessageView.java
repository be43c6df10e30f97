package org.kehou.admin.outbox;

import java.time.LocalDateTime;
import java.util.Map;
import org.kehou.core.outbox.DeliveryStatus;
import org.kehou.core.outbox.OutboxMessage;
import org.kehou.core.outbox.OutboxState;
import org.kehou.core.text.Texts;

/**
 * A message as staff see it: what was said, whether it arrived, and if not why, in words a teacher understands. No
 * openid, no raw WeChat error text, no template fields (the body says the same), and nothing from the guardian's record
 * such as a phone number. {@code delivery} is WeChat's later report on a template message, when one came.
 */
record MessageView(long id, Long guardianId, Long studentId, String kind, OutboxState state, int attempts,
    String channel, Integer lastErrorCode, DeliveryStatus delivery, String reason, LocalDateTime createdAt,
    LocalDateTime sentAt, String body) {

  static MessageView of(OutboxMessage m, Texts texts) {
    return new MessageView(m.id(), m.guardianId(), m.studentId(), m.kind(), m.state(), m.attempts(), m.channel(),
        m.lastErrorCode(), m.deliveryStatus(), reason(m, texts), m.createdAt(), m.sentAt(), m.body());
  }

  /** Why the message did not arrive: null unless it failed for good or had nobody to go to. */
  private static String reason(OutboxMessage m, Texts texts) {
    if (m.deliveryStatus() == DeliveryStatus.USER_BLOCKED) {
      return texts.message("outbox.reason.userBlocked");
    }
    if (m.deliveryStatus() == DeliveryStatus.SYSTEM_FAILED) {
      return texts.message("outbox.reason.systemFailed");
    }
    if (m.state() == OutboxState.NO_RECIPIENT) {
      return texts.message("outbox.reason.noRecipient");
    }
    if (m.state() != OutboxState.FAILED || m.lastErrorCode() == null) {
      return null;
    }
    String key = "outbox.reason." + m.lastErrorCode();
    return texts.has(key) ? texts.message(key) : texts.message("outbox.reason.other", Map.of("code", m.lastErrorCode()));
  }
}
