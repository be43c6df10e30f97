package org.kehou.core.leave;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * One leave (请假) of one child on one day, with who asked and, once cancelled, who cancelled and when.
 * Exactly one of {@code askedByGuardian} and {@code askedByStaff} is set; the names are for staff listings.
 */
public record Leave(long id, long studentId, String studentName, long classId, String className, Long classTeacherId,
    LocalDate day, String reason, Long askedByGuardian, String guardianName, Long askedByStaff, String staffName,
    LocalDateTime askedAt, Long cancelledByGuardian, Long cancelledByStaff, LocalDateTime cancelledAt) {

  public boolean cancelled() {
    return cancelledAt != null;
  }
}
