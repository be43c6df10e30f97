package org.kehou.core.rollcall;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/** A session's roll call as read back: each child on the roster with its current mark (null: not yet) and history. */
public record RollCall(long offeringId, String offering, LocalDate date, LocalTime startsAt, boolean taken,
    List<ChildMarks> children) {

  public record ChildMarks(long studentId, String name, String className, Boolean present, List<Mark> history) {
  }
}
