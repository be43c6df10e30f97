package org.kehou.core.lifecycle;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.kehou.core.outbox.Outbox;
import org.kehou.core.outbox.Recipient;
import org.kehou.core.lifecycle.ReviewRefused.Kind;
import org.kehou.core.text.Texts;
import org.springframework.stereotype.Component;

/** Moves an application and leaves the trace: history row, released seats, and the parents told, in one transaction. */
@Component
class Transitions {

  private final ReviewMapper mapper;
  private final Outbox outbox;
  private final Texts texts;
  private final Clock clock;

  Transitions(ReviewMapper mapper, Outbox outbox, Texts texts, Clock clock) {
    this.mapper = mapper;
    this.outbox = outbox;
    this.texts = texts;
    this.clock = clock;
  }

  ApplicationRow lock(long applicationId) {
    return mapper.lock(applicationId)
        .orElseThrow(() -> new ReviewRefused(Kind.NOT_FOUND, "review.notFound", Map.of("id", applicationId)));
  }

  void move(ApplicationRow row, ApplicationState to, Actor actor, String reason) {
    if (!row.state().canMoveTo(to)) {
      throw illegal(row.state(), to);
    }
    LocalDateTime now = LocalDateTime.now(clock);
    mapper.moveTo(row.id(), to, to.isFinal(), now);
    mapper.appendHistory(row.id(), row.state(), to, actor.kind(), actor.id(), reason, now);
    if (to.isFinal()) {
      mapper.releaseChoices(row.id(), now);
    }
  }

  void reject(ApplicationRow row, long staffId, String reason) {
    move(row, ApplicationState.REJECTED, Actor.staff(staffId), reason);
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("keyword1", row.studentName());
    fields.put("keyword2", texts.message("review.rejected.result"));
    fields.put("keyword3", reason);
    String body = texts.message("review.rejected", Map.of("child", row.studentName(), "reason", reason));
    tellGuardians(row, "application-rejected", body, fields, null);
  }

  /** Queues one message to every guardian of the child, except {@code skipGuardianId} (who was answered directly). */
  void tellGuardians(ApplicationRow row, String kind, String body, Map<String, String> fields, Long skipGuardianId) {
    for (long guardianId : mapper.guardiansOf(row.studentId())) {
      if (!Long.valueOf(guardianId).equals(skipGuardianId)) {
        outbox.enqueue(new Recipient(row.schoolId(), guardianId, row.studentId()), kind, kind + ":" + row.id(), body,
            fields);
      }
    }
  }

  static ReviewRefused illegal(ApplicationState from, ApplicationState to) {
    return new ReviewRefused(Kind.ILLEGAL_TRANSITION, "review.illegalTransition",
        Map.of("from", from.name(), "to", to.name()));
  }
}
