package org.kehou.core.staff;

public enum StaffRole {
  SCHOOL_ADMIN,
  CLASS_TEACHER,
  DUTY_TEACHER
}
