package org.kehou.core.agreement;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Function;
import org.kehou.core.calendar.SchoolCalendar;
import org.kehou.core.lifecycle.ApplicationRow;
import org.kehou.core.offering.Weekday;
import org.kehou.core.school.SchoolMapper;
import org.kehou.core.school.Term;
import org.springframework.stereotype.Component;

/**
 * Changes to an enrolment (signing, withdrawal, the school ending it) take effect from the next service day: the first
 * day from tomorrow on that lies within the term's dates, has service in the school calendar, and runs a timetable in
 * which the child has a session.
 */
@Component
public class ServiceDays {

  /** bit 0 = Monday .. bit 4 = Friday, as V4 stores offerings' weekdays. */
  static final int MONDAY_TO_FRIDAY = 0b11111;

  private final SchoolMapper schools;
  private final AgreementMapper agreements;
  private final SchoolCalendar calendar;
  private final Clock clock;

  ServiceDays(SchoolMapper schools, AgreementMapper agreements, SchoolCalendar calendar, Clock clock) {
    this.schools = schools;
    this.agreements = agreements;
    this.calendar = calendar;
    this.clock = clock;
  }

  /**
   * The next service day for an application, read before its seats change. An enrolment with several seated offerings
   * starts (or stops) on the earliest day any of them runs: from then on the school must have the child on a list (or
   * stop expecting them). With no seated offering the service's own weekdays, Monday to Friday, apply.
   */
  public LocalDate nextFor(ApplicationRow row) {
    Term term = schools.findTerm(row.termId()).orElseThrow();
    int weekdays = agreements.seatedOfferings(row.id()).stream().mapToInt(SeatedOffering::weekdays)
        .reduce(0, (a, b) -> a | b);
    LocalDate today = LocalDate.now(clock);
    LocalDate tomorrow = today.plusDays(1);
    LocalDate from = tomorrow.isBefore(term.startsOn()) ? term.startsOn() : tomorrow;
    return next(today, term.startsOn(), term.endsOn(), weekdays == 0 ? MONDAY_TO_FRIDAY : weekdays,
        calendar.forTerm(term, from, term.endsOn())::runsAs);
  }

  /**
   * The first day after {@code today}, not before the term starts and not after it ends, whose timetable
   * ({@code runsAs}: a weekday its own, a holiday or cancellation none, a 调休 Saturday the weekday it stands in for) is
   * one of {@code weekdays}. When the term has no such day left, nothing runs any more and the change simply takes
   * effect tomorrow.
   */
  static LocalDate next(LocalDate today, LocalDate termStarts, LocalDate termEnds, int weekdays,
      Function<LocalDate, Optional<Weekday>> runsAs) {
    LocalDate tomorrow = today.plusDays(1);
    for (LocalDate day = tomorrow.isBefore(termStarts) ? termStarts : tomorrow; !day.isAfter(termEnds);
        day = day.plusDays(1)) {
      if (runsAs.apply(day).filter(weekday -> (weekdays & (1 << weekday.ordinal())) != 0).isPresent()) {
        return day;
      }
    }
    return tomorrow;
  }
}
