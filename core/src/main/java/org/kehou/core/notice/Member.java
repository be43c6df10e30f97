package org.kehou.core.notice;

/** One child of an audience with one of its guardians (a child with two guardians is two members). */
record Member(long studentId, String studentName, long classId, String className, long guardianId) {
}
