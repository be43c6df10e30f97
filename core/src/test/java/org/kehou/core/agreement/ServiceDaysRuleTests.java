package org.kehou.core.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ServiceDaysRuleTests {

  // Wednesday 2026-09-09, in a term running 2026-09-01 .. 2027-01-20.
  static final LocalDate WEDNESDAY = LocalDate.of(2026, 9, 9);
  static final LocalDate TERM_STARTS = LocalDate.of(2026, 9, 1);
  static final LocalDate TERM_ENDS = LocalDate.of(2027, 1, 20);
  static final int MONDAY = 0b00001;
  static final int FRIDAY = 0b10000;

  @Test
  void theNextServiceDayIsTheNextDayAnOfferingRuns() {
    assertThat(ServiceDays.next(WEDNESDAY, TERM_STARTS, TERM_ENDS, MONDAY, d -> true))
        .isEqualTo(LocalDate.of(2026, 9, 14));
    assertThat(ServiceDays.next(WEDNESDAY, TERM_STARTS, TERM_ENDS, MONDAY | FRIDAY, d -> true))
        .as("the earliest of several offerings").isEqualTo(LocalDate.of(2026, 9, 11));
  }

  @Test
  void aDayTheCalendarClosesIsSkipped() {
    LocalDate friday = LocalDate.of(2026, 9, 11);
    assertThat(ServiceDays.next(WEDNESDAY, TERM_STARTS, TERM_ENDS, MONDAY | FRIDAY, d -> !d.equals(friday)))
        .isEqualTo(LocalDate.of(2026, 9, 14));
  }

  @Test
  void neverBeforeTheTermStartsAndTomorrowOnceTheTermHasNoSessionLeft() {
    assertThat(ServiceDays.next(LocalDate.of(2026, 8, 20), TERM_STARTS, TERM_ENDS, FRIDAY, d -> true))
        .isEqualTo(LocalDate.of(2026, 9, 4));
    LocalDate lastWednesday = LocalDate.of(2027, 1, 20);
    assertThat(ServiceDays.next(LocalDate.of(2027, 1, 18), TERM_STARTS, lastWednesday, MONDAY, d -> true))
        .isEqualTo(LocalDate.of(2027, 1, 19));
  }
}
