package org.kehou.core.calendar;

import java.time.LocalDate;
import java.time.LocalTime;
import org.kehou.core.offering.Weekday;

/**
 * A date as the service sees it.
 *
 * @param termId   the term the date lies in, null outside every term
 * @param service  whether sessions run
 * @param runsAs   the weekday whose timetable runs (a 调休 Saturday runs a weekday's), null without service
 * @param kind     the calendar entry that decides the day, null for an ordinary weekday or weekend
 * @param startsAt the service's start that day (the term's), null without service
 * @param endsAt   the service's end that day, as the season sets it (the pickup time), null without service
 */
public record ServiceDay(LocalDate date, Long termId, boolean service, Weekday runsAs, DayKind kind, String note,
    LocalTime startsAt, LocalTime endsAt) {

  static ServiceDay outsideTerms(LocalDate date) {
    return new ServiceDay(date, null, false, null, null, null, null, null);
  }
}
