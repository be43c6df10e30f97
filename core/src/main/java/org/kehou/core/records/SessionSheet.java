package org.kehou.core.records;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/** One session's attendance: the offering on a date, its times and teacher, and every child it concerns. */
public record SessionSheet(LocalDate date, long offeringId, String offering, String room, LocalTime startsAt,
    LocalTime endsAt, Long teacherId, String teacher, List<AttendanceRow> rows) {

  public Tally tally() {
    return Tally.of(rows);
  }

  /** The sheet with only the children of one class (all of them for null). */
  public SessionSheet only(Long classId) {
    return classId == null ? this : new SessionSheet(date, offeringId, offering, room, startsAt, endsAt, teacherId,
        teacher, rows.stream().filter(r -> r.inClass(classId)).toList());
  }
}
