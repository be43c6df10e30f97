package org.kehou.core.calendar;

/**
 * What a calendar entry makes of its day. A day without an entry has service Monday to Friday and none at weekends.
 */
public enum DayKind {
  /** A public holiday (节假日): no service. */
  HOLIDAY,
  /** A school break (放假): no service. */
  BREAK,
  /** A swapped working day (调休上课): service, with the timetable of the weekday it runs as. */
  WORKDAY,
  /** A one-off cancellation (停课: weather, exams, events): no service; the guardians are told why. */
  CANCELLED;

  public boolean hasService() {
    return this == WORKDAY;
  }
}
