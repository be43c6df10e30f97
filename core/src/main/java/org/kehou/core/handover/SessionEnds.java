package org.kehou.core.handover;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kehou.core.calendar.RosterChild;
import org.kehou.core.calendar.Session;
import org.kehou.core.calendar.Timetable;
import org.kehou.core.outbox.OutboxBatch;
import org.kehou.core.outbox.Recipient;
import org.kehou.core.staff.StaffAlerts;
import org.kehou.core.text.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Run by the bot's clustered job every minute: when a session has ended, the guardians of every child present and not
 * yet gone get a pickup message; a child still not handed over {@code kehou.handover.late-after} after the end gets a
 * second message to the guardians and an alert to the session's teacher, and {@code kehou.handover.escalate-after}
 * after it, to the school admins. Every message has a key of child, session and kind, so a re-run, a job recovered
 * after a crash or a second instance sends nothing twice; a tick that runs late (a bot restarted across the end) still
 * sends what fell due, for sessions that ended within {@code kehou.handover.catch-up}.
 */
@Service
public class SessionEnds {

  public static final String READY = "pickup-ready";
  public static final String LATE = "pickup-late";
  public static final String OVERDUE = "pickup-overdue";
  public static final String ESCALATED = "pickup-overdue-escalated";
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
  private static final Logger log = LoggerFactory.getLogger(SessionEnds.class);

  private final Timetable timetable;
  private final HandoverMapper mapper;
  private final OutboxBatch outbox;
  private final StaffAlerts staff;
  private final Texts texts;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final Duration lateAfter;
  private final Duration escalateAfter;
  private final Duration catchUp;

  SessionEnds(Timetable timetable, HandoverMapper mapper, OutboxBatch outbox, StaffAlerts staff, Texts texts,
      TransactionTemplate tx, Clock clock, @Value("${kehou.handover.late-after:15m}") Duration lateAfter,
      @Value("${kehou.handover.escalate-after:30m}") Duration escalateAfter,
      @Value("${kehou.handover.catch-up:3h}") Duration catchUp) {
    this.timetable = timetable;
    this.mapper = mapper;
    this.outbox = outbox;
    this.staff = staff;
    this.texts = texts;
    this.tx = tx;
    this.clock = clock;
    this.lateAfter = lateAfter;
    this.escalateAfter = escalateAfter;
    this.catchUp = catchUp;
  }

  public void tick() {
    tickAt(LocalDateTime.now(clock));
  }

  void tickAt(LocalDateTime now) {
    for (long school : mapper.schools()) {
      for (Session session : timetable.on(school, now.toLocalDate()).sessions()) {
        LocalDateTime end = session.date().atTime(session.endsAt());
        if (now.isBefore(end) || now.isAfter(end.plus(catchUp)) || session.children().isEmpty()) {
          continue;
        }
        try {
          tx.executeWithoutResult(status -> remind(school, session, end, now));
        } catch (RuntimeException e) {
          log.error("Pickup messages for offering {} on {} failed", session.offeringId(), session.date(), e);
        }
      }
    }
  }

  private void remind(long school, Session session, LocalDateTime end, LocalDateTime now) {
    Set<Long> present = new HashSet<>(mapper.present(session.offeringId(), session.date()));
    present.removeAll(mapper.departed(session.offeringId(), session.date()));
    if (present.isEmpty()) {
      return;
    }
    String room = mapper.room(session.offeringId());
    String place = room == null || room.isBlank() ? texts.message("pickup.place.default") : room;
    String sessionKey = session.offeringId() + ":" + session.date();
    boolean late = !now.isBefore(end.plus(lateAfter));
    boolean escalate = !now.isBefore(end.plus(escalateAfter));
    Map<Long, List<Long>> guardiansOf = new HashMap<>();
    mapper.guardiansOf(present).forEach(g -> guardiansOf.computeIfAbsent(g.studentId(), id -> new ArrayList<>())
        .add(g.guardianId()));
    List<Long> admins = escalate ? mapper.admins(school) : List.of();
    List<OutboxBatch.Message> messages = new ArrayList<>();
    for (RosterChild child : session.children()) {
      if (!present.contains(child.studentId())) {
        continue;
      }
      Map<String, String> values = Map.of("child", child.name(), "offering", session.offering(),
          "time", TIME.format(session.endsAt()), "place", place);
      String childKey = sessionKey + ":" + child.studentId();
      for (long guardian : guardiansOf.getOrDefault(child.studentId(), List.of())) {
        Recipient to = new Recipient(school, guardian, child.studentId());
        messages.add(new OutboxBatch.Message(to, READY, READY + ":" + childKey, texts.message("pickup.ready", values),
            values));
        if (late) {
          messages.add(new OutboxBatch.Message(to, LATE, LATE + ":" + childKey, texts.message("pickup.late", values),
              values));
        }
      }
      if (late && session.teacherId() != null) {
        staff.tell(session.teacherId(), OVERDUE, OVERDUE + ":" + childKey, texts.message("notice.pickupOverdue", values),
            values);
      }
      if (escalate) {
        Map<String, Object> withMinutes = new HashMap<>(values);
        withMinutes.put("minutes", escalateAfter.toMinutes());
        for (long admin : admins) {
          staff.tell(admin, ESCALATED, ESCALATED + ":" + childKey, texts.message("notice.pickupEscalated", withMinutes),
              values);
        }
      }
    }
    // Thousands of children can leave at the same minute: their messages are queued with a handful of statements.
    outbox.enqueueAll(messages);
  }
}
