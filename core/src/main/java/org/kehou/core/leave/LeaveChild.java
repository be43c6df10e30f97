package org.kehou.core.leave;

/** A child staff may record leave for: its school and class decide who may. */
record LeaveChild(long studentId, String name, long schoolId, long classId, String className, Long classTeacherId) {
}
