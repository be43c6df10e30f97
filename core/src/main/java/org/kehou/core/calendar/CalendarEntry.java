package org.kehou.core.calendar;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.kehou.core.offering.Weekday;

/**
 * One live day of a term's calendar.
 *
 * @param runsAs     the timetable a WORKDAY runs; on a CANCELLED day, the one it would have run (null: its own weekday)
 * @param notifyAt   for a cancellation, when its guardians are (or were) told; null for a day already past
 * @param notifiedAt when the cancellation's messages were queued, null until then
 */
public record CalendarEntry(long id, long termId, LocalDate date, DayKind kind, Weekday runsAs, String note,
    LocalDateTime notifyAt, LocalDateTime notifiedAt) {

  /** The weekday whose timetable the day runs, or would run were it not cancelled; null for none (a weekend). */
  Weekday timetable() {
    return runsAs != null ? runsAs : Timetable.weekdayOf(date);
  }
}
