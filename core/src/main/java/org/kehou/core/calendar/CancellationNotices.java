package org.kehou.core.calendar;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kehou.core.offering.Weekday;
import org.kehou.core.outbox.Outbox;
import org.kehou.core.school.Term;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Tells the guardians of the children a cancellation concerns: those enrolled that day in an offering the day would
 * have run. At once when it is for today or tomorrow, otherwise at {@code kehou.calendar.cancellation-notice-at} the
 * evening before (the job then queues it); the dispatcher holds either through the quiet hours. A cancellation that
 * goes away takes its unsent messages with it, and whoever read it hears that the service runs after all.
 */
@Component
class CancellationNotices {

  static final String KIND = "service-cancelled";
  static final String RESUMED_KIND = "service-resumed";

  private final Timetable timetable;
  private final SessionMapper sessions;
  private final CalendarMapper mapper;
  private final FamilyNotices notices;
  private final Outbox outbox;
  private final LocalTime eveningBefore;

  CancellationNotices(Timetable timetable, SessionMapper sessions, CalendarMapper mapper, FamilyNotices notices,
      Outbox outbox, @Value("${kehou.calendar.cancellation-notice-at:18:00}") LocalTime eveningBefore) {
    this.timetable = timetable;
    this.sessions = sessions;
    this.mapper = mapper;
    this.notices = notices;
    this.outbox = outbox;
    this.eveningBefore = eveningBefore;
  }

  /** When a cancellation made {@code now} for {@code day} is told; null for a day already past (nobody to tell). */
  LocalDateTime notifyAt(LocalDate day, LocalDateTime now) {
    LocalDate today = now.toLocalDate();
    if (day.isBefore(today)) {
      return null;
    }
    return day.isAfter(today.plusDays(1)) ? day.minusDays(1).atTime(eveningBefore) : now;
  }

  /** Queues the cancellation's messages and records that it was told; the caller holds the entry's lock. */
  int tell(Term term, CalendarEntry entry, LocalDateTime now) {
    int told = notices.tell(term.schoolId(), families(term, entry.date(), entry.timetable()), KIND, key(entry),
        "calendar.cancelled", Map.of("date", notices.date(entry.date()), "reason", entry.note()));
    mapper.notified(entry.id(), now);
    return told;
  }

  /**
   * The cancellation was removed or replaced; {@code dayNow} is its date as the calendar now has it. Messages not yet
   * out are dropped. Those who got one (or whose message was on its way) hear that the service runs after all, when
   * it does and the day is not past.
   */
  void retract(Term term, CalendarEntry entry, ServiceDay dayNow, LocalDate today) {
    if (entry.notifiedAt() == null) {
      return;
    }
    Set<Long> told = new HashSet<>(mapper.toldGuardians(key(entry)));
    outbox.cancelPending(key(entry));
    if (told.isEmpty() || !dayNow.service() || entry.date().isBefore(today)) {
      return;
    }
    List<FamilyChild> stillConcerned = families(term, entry.date(), dayNow.runsAs()).stream()
        .filter(child -> told.contains(child.guardianId())).toList();
    notices.tell(term.schoolId(), stillConcerned, RESUMED_KIND, "calendar-resumed:" + entry.id(), "calendar.resumed",
        Map.of("date", notices.date(entry.date())));
  }

  private List<FamilyChild> families(Term term, LocalDate day, Weekday runsAs) {
    if (runsAs == null) {
      return List.of();
    }
    List<Long> children = timetable.enrolledChildren(term, day, runsAs);
    return children.isEmpty() ? List.of() : sessions.familiesOf(children);
  }

  static String key(CalendarEntry entry) {
    return "calendar-cancelled:" + entry.id();
  }
}
