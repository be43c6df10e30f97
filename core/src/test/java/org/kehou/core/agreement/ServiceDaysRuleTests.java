package org.kehou.core.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.kehou.core.offering.Weekday;

class ServiceDaysRuleTests {

  // Wednesday 2026-09-09, in a term running 2026-09-01 .. 2027-01-20.
  static final LocalDate WEDNESDAY = LocalDate.of(2026, 9, 9);
  static final LocalDate TERM_STARTS = LocalDate.of(2026, 9, 1);
  static final LocalDate TERM_ENDS = LocalDate.of(2027, 1, 20);
  static final int MONDAY = 0b00001;
  static final int FRIDAY = 0b10000;

  /** An ordinary calendar: weekdays run their own timetable, weekends none, the days listed none either. */
  static Function<LocalDate, Optional<Weekday>> weekdaysExcept(LocalDate... closed) {
    return day -> List.of(closed).contains(day) || day.getDayOfWeek().getValue() > 5 ? Optional.empty()
        : Optional.of(Weekday.values()[day.getDayOfWeek().getValue() - 1]);
  }

  @Test
  void theNextServiceDayIsTheNextDayAnOfferingRuns() {
    assertThat(ServiceDays.next(WEDNESDAY, TERM_STARTS, TERM_ENDS, MONDAY, weekdaysExcept()))
        .isEqualTo(LocalDate.of(2026, 9, 14));
    assertThat(ServiceDays.next(WEDNESDAY, TERM_STARTS, TERM_ENDS, MONDAY | FRIDAY, weekdaysExcept()))
        .as("the earliest of several offerings").isEqualTo(LocalDate.of(2026, 9, 11));
  }

  @Test
  void aDayTheCalendarClosesIsSkipped() {
    LocalDate friday = LocalDate.of(2026, 9, 11);
    assertThat(ServiceDays.next(WEDNESDAY, TERM_STARTS, TERM_ENDS, MONDAY | FRIDAY, weekdaysExcept(friday)))
        .isEqualTo(LocalDate.of(2026, 9, 14));
  }

  @Test
  void aSaturdayRunningMondaysTimetableIsAMondayOfferingsDay() {
    LocalDate saturday = LocalDate.of(2026, 9, 12);
    Function<LocalDate, Optional<Weekday>> swapped = day -> day.equals(saturday) ? Optional.of(Weekday.MON)
        : weekdaysExcept().apply(day);
    assertThat(ServiceDays.next(WEDNESDAY, TERM_STARTS, TERM_ENDS, MONDAY, swapped)).isEqualTo(saturday);
  }

  @Test
  void neverBeforeTheTermStartsAndTomorrowOnceTheTermHasNoSessionLeft() {
    assertThat(ServiceDays.next(LocalDate.of(2026, 8, 20), TERM_STARTS, TERM_ENDS, FRIDAY, weekdaysExcept()))
        .isEqualTo(LocalDate.of(2026, 9, 4));
    LocalDate lastWednesday = LocalDate.of(2027, 1, 20);
    assertThat(ServiceDays.next(LocalDate.of(2027, 1, 18), TERM_STARTS, lastWednesday, MONDAY, weekdaysExcept()))
        .isEqualTo(LocalDate.of(2027, 1, 19));
  }
}
