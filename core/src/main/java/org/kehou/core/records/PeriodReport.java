package org.kehou.core.records;

import java.time.LocalDate;
import java.util.List;

/**
 * Attendance over a span of dates (a week, a month, a term) for the school or one class: per service day, per class
 * and per child, with the total. {@code sessionsHeld} counts the sessions that had at least one child concerned.
 */
public record PeriodReport(LocalDate from, LocalDate to, String className, int sessionsHeld, Tally total,
    List<DayLine> days, List<ClassLine> classes, List<ChildLine> children) {

  public record DayLine(LocalDate date, int sessions, Tally tally) {
  }

  public record ClassLine(long classId, String className, Tally tally) {
  }

  public record ChildLine(long studentId, String className, String name, Tally tally) {
  }
}
