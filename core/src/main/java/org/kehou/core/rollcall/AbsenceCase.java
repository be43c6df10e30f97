package org.kehou.core.rollcall;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** A child marked absent from a session, open until staff record an outcome (or a correction marks them present). */
public record AbsenceCase(long id, long schoolId, long offeringId, String offering, Long teacherId, LocalDate date,
    long studentId, String studentName, String className, Long classTeacherId, LocalDateTime openedAt,
    LocalDateTime escalatedAt, LocalDateTime closedAt, Long closedBy, String outcome, String outcomeNote) {

  public boolean open() {
    return closedAt == null;
  }

  /** Admins, the session's teacher and the child's class teacher. */
  public boolean visibleTo(long staffId, boolean admin) {
    return admin || Long.valueOf(staffId).equals(teacherId) || Long.valueOf(staffId).equals(classTeacherId);
  }
}
