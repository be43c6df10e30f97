package org.kehou.admin.leave;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.kehou.core.leave.Leave;

/** A leave as staff read it: who asked (guardian or staff) and when, and its cancellation if any. */
record LeaveView(long id, long studentId, String student, long classId, String className, LocalDate date,
    String reason, String askedBy, Long guardianId, String guardianName, Long staffId, String staffName,
    LocalDateTime askedAt, boolean cancelled, LocalDateTime cancelledAt, Long cancelledByGuardianId,
    Long cancelledByStaffId) {

  static LeaveView of(Leave l) {
    return new LeaveView(l.id(), l.studentId(), l.studentName(), l.classId(), l.className(), l.day(), l.reason(),
        l.askedByStaff() != null ? "STAFF" : "GUARDIAN", l.askedByGuardian(), l.guardianName(), l.askedByStaff(),
        l.staffName(), l.askedAt(), l.cancelled(), l.cancelledAt(), l.cancelledByGuardian(), l.cancelledByStaff());
  }
}
