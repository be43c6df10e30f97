package org.kehou.core.calendar;

/** A guardian and one of their children a notice is about. */
record FamilyChild(long guardianId, long studentId, String studentName) {
}
