package org.kehou.core.roster;

/** One valid student-guardian row of a roster file. {@code className} is the full display name (三年级2班). */
record RosterRow(int line, String gradeName, int gradeLevel, String className, String studentNo, String studentName,
    Priority priority, String guardianName, String phone, String relation) {
}
