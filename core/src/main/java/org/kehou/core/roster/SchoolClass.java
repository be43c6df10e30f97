package org.kehou.core.roster;

/** A class with its grade and class teacher; {@code name} is the full display name (三年级2班). */
public record SchoolClass(long id, long schoolId, long gradeId, int gradeLevel, String gradeName, String name,
    Long classTeacherId, String classTeacherName) {

  public boolean taughtBy(long staffId) {
    return classTeacherId != null && classTeacherId == staffId;
  }
}
