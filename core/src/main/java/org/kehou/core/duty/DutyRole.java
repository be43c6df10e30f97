package org.kehou.core.duty;

/** What a staff member does on a duty: teaches (watches) the pupils, or manages the service (管理人员). */
public enum DutyRole {
  TEACHER,
  MANAGER
}
