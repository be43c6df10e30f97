package org.kehou.admin.auth;

import org.kehou.admin.web.ApiException;
import org.kehou.core.staff.Staff;
import org.kehou.core.staff.StaffRole;

/** Role checks shared by the controllers; class scoping lives in the classes package. */
public final class Access {

  private Access() {
  }

  public static void requireAdmin(Staff me) {
    if (me.role() != StaffRole.SCHOOL_ADMIN) {
      throw ApiException.forbidden();
    }
  }

  public static void requireAnyOf(Staff me, StaffRole... roles) {
    for (StaffRole role : roles) {
      if (me.role() == role) {
        return;
      }
    }
    throw ApiException.forbidden();
  }
}
