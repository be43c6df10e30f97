package org.kehou.core.lifecycle;

/** The facts a transition checks, read with the row locked. */
public record ApplicationRow(
    long id, long schoolId, long termId, long studentId, String studentName, long classId, Long classTeacherId,
    ApplicationState state) {
}
