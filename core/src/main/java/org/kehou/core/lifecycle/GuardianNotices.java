package org.kehou.core.lifecycle;

import java.util.Map;
import org.kehou.core.outbox.Outbox;
import org.kehou.core.outbox.Recipient;
import org.kehou.core.waitlist.WaitlistService;
import org.springframework.stereotype.Component;

/** Puts one message per guardian of a child in the outbox, in the caller's transaction. */
@Component
public class GuardianNotices {

  private final ReviewMapper mapper;
  private final Outbox outbox;

  GuardianNotices(ReviewMapper mapper, Outbox outbox) {
    this.mapper = mapper;
    this.outbox = outbox;
  }

  /**
   * @param dedupKey       the logical message; queuing it again (a job re-run) writes nothing
   * @param skipGuardianId the guardian who was answered directly in the chat, or null
   */
  public void tell(long schoolId, long studentId, String dedupKey, String kind, String body, Map<String, String> fields,
      Long skipGuardianId) {
    for (long guardianId : mapper.guardiansOf(studentId)) {
      if (!Long.valueOf(guardianId).equals(skipGuardianId)) {
        outbox.enqueue(new Recipient(schoolId, guardianId, studentId), kind, dedupKey, body, fields);
      }
    }
  }

  /** The child's application is settled for good: no reminder about it (agreement or seat offer) may still go out. */
  void dropReminders(long studentId) {
    for (String kind : QuietHours.REMINDER_KINDS) {
      outbox.cancelPending(studentId, kind);
    }
  }

  /** One seat offer is answered or over: its reminder, if not yet sent, is dropped. */
  public void dropOfferReminder(long choiceId) {
    outbox.cancelPending(WaitlistService.OFFER_REMINDER + ":" + choiceId);
  }
}
