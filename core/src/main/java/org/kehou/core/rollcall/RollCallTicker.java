package org.kehou.core.rollcall;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Map;
import org.kehou.core.calendar.Session;
import org.kehou.core.calendar.Timetable;
import org.kehou.core.text.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Run by the bot's clustered job every minute: alerts a session's teacher and the school admins when its roll call is
 * still missing {@code kehou.rollcall.alert-after} after the start (until the session ends; later it helps nobody),
 * and escalates absence cases still open {@code kehou.rollcall.escalate-after} after they opened. Both steps write a
 * unique key (session_alert row, the case's escalated_at) in the transaction that sends, so a second node or a re-run
 * sends nothing.
 */
@Service
public class RollCallTicker {

  static final String MISSING = "roll-call-missing";
  private static final Logger log = LoggerFactory.getLogger(RollCallTicker.class);

  private final Timetable timetable;
  private final RollCallMapper mapper;
  private final AbsenceCases cases;
  private final StaffAlerting staff;
  private final Texts texts;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final Duration alertAfter;
  private final Duration escalateAfter;

  RollCallTicker(Timetable timetable, RollCallMapper mapper, AbsenceCases cases, StaffAlerting staff, Texts texts,
      TransactionTemplate tx, Clock clock, @Value("${kehou.rollcall.alert-after:15m}") Duration alertAfter,
      @Value("${kehou.rollcall.escalate-after:30m}") Duration escalateAfter) {
    this.timetable = timetable;
    this.mapper = mapper;
    this.cases = cases;
    this.staff = staff;
    this.texts = texts;
    this.tx = tx;
    this.clock = clock;
    this.alertAfter = alertAfter;
    this.escalateAfter = escalateAfter;
  }

  public void tick() {
    tickAt(LocalDateTime.now(clock));
  }

  void tickAt(LocalDateTime now) {
    for (long school : mapper.schools()) {
      try {
        alertMissing(school, now);
      } catch (RuntimeException e) {
        log.error("Checking the roll calls of school {} failed", school, e);
      }
    }
    for (long id : cases.dueForEscalation(now.minus(escalateAfter))) {
      try {
        tx.executeWithoutResult(status -> cases.escalate(id, now, escalateAfter.toMinutes()));
      } catch (RuntimeException e) {
        log.error("Escalating absence case {} failed", id, e);
      }
    }
  }

  private void alertMissing(long school, LocalDateTime now) {
    for (Session session : timetable.on(school, now.toLocalDate()).sessions()) {
      LocalDateTime due = session.date().atTime(session.startsAt()).plus(alertAfter);
      boolean running = now.isBefore(session.date().atTime(session.endsAt()));
      if (session.children().isEmpty() || now.isBefore(due) || !running
          || mapper.taken(session.offeringId(), session.date())) {
        continue;
      }
      tx.executeWithoutResult(status -> {
        if (mapper.claimAlert(session.offeringId(), session.date(), MISSING, now) == 1) {
          staff.tell(staff.recipients(school, true, session.teacherId()), MISSING,
              MISSING + ":" + session.offeringId() + ":" + session.date(), texts.message("notice.rollCallMissing",
                  Map.of("offering", session.offering(), "date", session.date(), "startsAt", session.startsAt())),
              Map.of("offering", session.offering(), "date", session.date().toString(),
                  "startsAt", session.startsAt().toString()));
        }
      });
    }
  }
}
