package org.kehou.core.review;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.kehou.core.outbox.Outbox;
import org.kehou.core.outbox.Recipient;
import org.kehou.core.review.ReviewRefused.Kind;
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

  void move(ApplicationRow row, ApplicationState to, Long staffId, String reason) {
    if (!row.state().canMoveTo(to)) {
      throw illegal(row.state(), to);
    }
    LocalDateTime now = LocalDateTime.now(clock);
    mapper.moveTo(row.id(), to, to.isFinal(), now);
    mapper.appendHistory(row.id(), row.state(), to, staffId == null ? "SYSTEM" : "STAFF", staffId, reason, now);
    if (to.isFinal()) {
      mapper.releaseChoices(row.id(), now);
    }
  }

  void reject(ApplicationRow row, long staffId, String reason) {
    move(row, ApplicationState.REJECTED, staffId, reason);
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("keyword1", row.studentName());
    fields.put("keyword2", texts.message("review.rejected.result"));
    fields.put("keyword3", reason);
    String body = texts.message("review.rejected", Map.of("child", row.studentName(), "reason", reason));
    for (long guardianId : mapper.guardiansOf(row.studentId())) {
      outbox.enqueue(new Recipient(row.schoolId(), guardianId, row.studentId()), "application-rejected",
          "application-rejected:" + row.id(), body, fields);
    }
  }

  static ReviewRefused illegal(ApplicationState from, ApplicationState to) {
    return new ReviewRefused(Kind.ILLEGAL_TRANSITION, "review.illegalTransition",
        Map.of("from", from.name(), "to", to.name()));
  }
}
