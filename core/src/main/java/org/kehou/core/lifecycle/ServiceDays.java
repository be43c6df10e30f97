package org.kehou.core.lifecycle;

import java.time.DayOfWeek;
import java.time.LocalDate;

/** Service runs Monday to Friday; changes (signing, withdrawal) take effect from the next such day. */
final class ServiceDays {

  private ServiceDays() {
  }

  static LocalDate nextAfter(LocalDate day) {
    LocalDate next = day.plusDays(1);
    while (next.getDayOfWeek() == DayOfWeek.SATURDAY || next.getDayOfWeek() == DayOfWeek.SUNDAY) {
      next = next.plusDays(1);
    }
    return next;
  }
}
