package org.kehou.core.agreement;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.function.Predicate;
import org.kehou.core.lifecycle.ApplicationRow;
import org.kehou.core.school.SchoolMapper;
import org.kehou.core.school.Term;
import org.springframework.stereotype.Component;

/**
 * Changes to an enrolment (signing, withdrawal, the school ending it) take effect from the next service day: the first
 * day from tomorrow on that lies within the term's dates and on which the child has a session.
 */
@Component
public class ServiceDays {

  /** bit 0 = Monday .. bit 4 = Friday, as V4 stores offerings' weekdays. */
  static final int MONDAY_TO_FRIDAY = 0b11111;

  private final SchoolMapper schools;
  private final AgreementMapper agreements;
  private final Clock clock;

  ServiceDays(SchoolMapper schools, AgreementMapper agreements, Clock clock) {
    this.schools = schools;
    this.agreements = agreements;
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
    return next(LocalDate.now(clock), term.startsOn(), term.endsOn(), weekdays == 0 ? MONDAY_TO_FRIDAY : weekdays,
        day -> schoolOpen(row.schoolId(), day));
  }

  /**
   * The one seam for the school calendar (public holidays, make-up working days): until it exists, every day the term
   * and the offerings allow is open.
   */
  boolean schoolOpen(long schoolId, LocalDate day) {
    return true;
  }

  /**
   * The first day after {@code today}, not before the term starts and not after it ends, that is one of
   * {@code weekdays} and open. When the term has no such day left, nothing runs any more and the change simply takes
   * effect tomorrow.
   */
  static LocalDate next(LocalDate today, LocalDate termStarts, LocalDate termEnds, int weekdays,
      Predicate<LocalDate> open) {
    LocalDate tomorrow = today.plusDays(1);
    for (LocalDate day = tomorrow.isBefore(termStarts) ? termStarts : tomorrow; !day.isAfter(termEnds);
        day = day.plusDays(1)) {
      if (runsOn(weekdays, day.getDayOfWeek()) && open.test(day)) {
        return day;
      }
    }
    return tomorrow;
  }

  private static boolean runsOn(int weekdays, DayOfWeek day) {
    return (weekdays & (1 << (day.getValue() - 1))) != 0;
  }
}
