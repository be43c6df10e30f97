package org.kehou.core.lifecycle;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kehou.core.lifecycle.ReviewRefused.Kind;
import org.kehou.core.text.Texts;
import org.kehou.core.waitlist.SeatKeeper;
import org.kehou.core.waitlist.SeatMapper;
import org.springframework.stereotype.Component;

/** Moves an application and leaves the trace: history row, released seats, and the parents told, in one transaction. */
@Component
public class Transitions {

  private final ReviewMapper mapper;
  private final SeatMapper seats;
  private final SeatKeeper seatKeeper;
  private final GuardianNotices notices;
  private final Texts texts;
  private final Clock clock;

  Transitions(ReviewMapper mapper, SeatMapper seats, SeatKeeper seatKeeper, GuardianNotices notices, Texts texts,
      Clock clock) {
    this.mapper = mapper;
    this.seats = seats;
    this.seatKeeper = seatKeeper;
    this.notices = notices;
    this.texts = texts;
    this.clock = clock;
  }

  public ApplicationRow lock(long applicationId) {
    return mapper.lock(applicationId)
        .orElseThrow(() -> new ReviewRefused(Kind.NOT_FOUND, "review.notFound", Map.of("id", applicationId)));
  }

  public void move(ApplicationRow row, ApplicationState to, Actor actor, String reason) {
    if (!row.state().canMoveTo(to)) {
      throw illegal(row.state(), to);
    }
    LocalDateTime now = LocalDateTime.now(clock);
    mapper.moveTo(row.id(), to, to.isFinal(), now);
    mapper.appendHistory(row.id(), row.state(), to, actor.kind(), actor.id(), reason, now);
    if (to.isFinal()) {
      List<Long> offerings = seats.choiceOfferings(row.id());
      offerings.forEach(seatKeeper::lock);
      mapper.releaseChoices(row.id(), now);
      notices.dropReminders(row.studentId());
      offerings.forEach(seatKeeper::offerFreeSeats);
    }
  }

  public void reject(ApplicationRow row, long staffId, String reason) {
    move(row, ApplicationState.REJECTED, Actor.staff(staffId), reason);
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("child", row.studentName());
    fields.put("result", texts.message("review.rejected.result"));
    fields.put("reason", reason);
    String body = texts.message("review.rejected", Map.of("child", row.studentName(), "reason", reason));
    tellGuardians(row, "application-rejected", body, fields, null);
  }

  /** Queues one message to every guardian of the child, except {@code skipGuardianId} (who was answered directly). */
  public void tellGuardians(ApplicationRow row, String kind, String body, Map<String, String> fields,
      Long skipGuardianId) {
    tellGuardians(row, kind, kind, body, fields, skipGuardianId);
  }

  /** As above, with {@code occasion} telling apart several messages of one kind about one application. */
  public void tellGuardians(ApplicationRow row, String kind, String occasion, String body, Map<String, String> fields,
      Long skipGuardianId) {
    notices.tell(row.schoolId(), row.studentId(), occasion + ":" + row.id(), kind, body, fields, skipGuardianId);
  }

  /** A text's values as a message's template fields (see Outbox#enqueue), in the given order. */
  public static Map<String, String> fields(Map<String, ?> values) {
    Map<String, String> fields = new LinkedHashMap<>();
    values.forEach((name, value) -> fields.put(name, String.valueOf(value)));
    return fields;
  }

  public static ReviewRefused illegal(ApplicationState from, ApplicationState to) {
    return new ReviewRefused(Kind.ILLEGAL_TRANSITION, "review.illegalTransition",
        Map.of("from", from.name(), "to", to.name()));
  }
}
