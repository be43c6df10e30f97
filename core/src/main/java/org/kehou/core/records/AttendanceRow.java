package org.kehou.core.records;

import java.time.LocalDateTime;

/**
 * One child of one session as the attendance sheet prints it: the roll call's latest mark (who and when), or leave,
 * and an early leave (提前离校) recorded in this session.
 */
public record AttendanceRow(long studentId, String name, long classId, String className, Long classTeacherId,
    AttendanceStatus status, LocalDateTime markedAt, String markedBy, LocalDateTime leftEarlyAt, String earlyReason) {

  public boolean inClass(Long classId) {
    return classId == null || classId == this.classId;
  }
}
