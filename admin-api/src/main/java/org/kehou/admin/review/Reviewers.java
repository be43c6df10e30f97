package org.kehou.admin.review;

import org.kehou.core.lifecycle.Reviewer;
import org.kehou.core.staff.Staff;

/** The logged-in staff member as the lifecycle services know them; those services do the scoping. */
final class Reviewers {

  private Reviewers() {
  }

  static Reviewer of(Staff me) {
    return new Reviewer(me.id(), me.schoolId(), me.isAdmin());
  }
}
