package org.kehou.core.records;

/** How a child on a session's list stands: the roll call's latest mark, none yet, or approved leave (请假). */
public enum AttendanceStatus {
  PRESENT,
  ABSENT,
  UNMARKED,
  LEAVE
}
