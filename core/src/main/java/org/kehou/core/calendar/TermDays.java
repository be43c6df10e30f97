package org.kehou.core.calendar;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kehou.core.offering.Weekday;
import org.kehou.core.school.Term;

/** A term's calendar over a span of dates, read once, for walking day by day (the next service day, listings). */
public final class TermDays {

  private final Term term;
  private final LocalDate from;
  private final LocalDate to;
  private final Map<LocalDate, CalendarEntry> entries = new HashMap<>();

  TermDays(Term term, LocalDate from, LocalDate to, List<CalendarEntry> entries) {
    this.term = term;
    this.from = from;
    this.to = to;
    entries.forEach(e -> this.entries.put(e.date(), e));
  }

  /**
   * Weekdays have service and weekends none, unless an entry says otherwise: holidays, breaks and cancellations
   * close a day, a 调休 day opens one with the timetable of the weekday it runs as.
   */
  public ServiceDay day(LocalDate day) {
    if (day.isBefore(from) || day.isAfter(to)) {
      throw new IllegalArgumentException(day + " lies outside the span read, " + from + " to " + to);
    }
    if (!term.covers(day)) {
      return ServiceDay.outsideTerms(day);
    }
    CalendarEntry entry = entries.get(day);
    Weekday runsAs = entry == null ? Timetable.weekdayOf(day) : entry.kind().hasService() ? entry.runsAs() : null;
    boolean service = runsAs != null;
    return new ServiceDay(day, term.id(), service, runsAs, entry == null ? null : entry.kind(),
        entry == null ? null : entry.note(), service ? term.sessionStartsAt() : null,
        service ? term.endsAtOn(day) : null);
  }

  /** The timetable the day runs, empty when it has no service. */
  public Optional<Weekday> runsAs(LocalDate day) {
    return Optional.ofNullable(day(day).runsAs());
  }
}
