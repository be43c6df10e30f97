package org.kehou.core.notice;

import java.time.LocalDateTime;

/** One child of a notice's audience with one guardian it went to, and whether that guardian confirmed. */
record ChildRow(long studentId, String studentName, long classId, String className, Long classTeacherId,
    long guardianId, String guardianName, String relation, String phone, LocalDateTime confirmedAt,
    String confirmedVia) {
}
