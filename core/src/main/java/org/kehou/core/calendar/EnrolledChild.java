package org.kehou.core.calendar;

/** A child seated in an offering, enrolled on the day asked about. */
record EnrolledChild(long offeringId, long studentId, String studentName, long classId, String className,
    Long classTeacherId) {

  RosterChild asRosterChild() {
    return new RosterChild(studentId, studentName, classId, className, classTeacherId);
  }
}
