package org.kehou.core.school;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * A school term and the facts the letter and the daily jobs need. {@code publicityDays} (公示) and
 * {@code signWithinDays} (the agreement's signing deadline) are read when a step starts and stored on the application,
 * so changing them affects later steps only.
 */
public record Term(
    long id,
    long schoolId,
    String name,
    LocalDate startsOn,
    LocalDate endsOn,
    LocalDate summerStartsOn,
    LocalDate summerEndsOn,
    LocalTime sessionStartsAt,
    LocalTime winterEndsAt,
    LocalTime summerEndsAt,
    int feePerLessonFen,
    int publicityDays,
    int signWithinDays) {

  /** The end of the session on a day: the summer timetable ends later (18:00 against 17:30). */
  public LocalTime endsAtOn(LocalDate day) {
    boolean summer = summerStartsOn != null && summerEndsOn != null
        && !day.isBefore(summerStartsOn) && !day.isAfter(summerEndsOn);
    return summer ? summerEndsAt : winterEndsAt;
  }

  public boolean covers(LocalDate day) {
    return !day.isBefore(startsOn) && !day.isAfter(endsOn);
  }
}
