package org.kehou.core.staff;

/** A staff account without its password hash, which never leaves {@link StaffService}. */
public record Staff(long id, long schoolId, String username, String displayName, StaffRole role, boolean active) {

  public boolean isAdmin() {
    return role == StaffRole.SCHOOL_ADMIN;
  }
}
