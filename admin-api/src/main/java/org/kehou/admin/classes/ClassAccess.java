package org.kehou.admin.classes;

import java.util.Map;
import java.util.Optional;
import org.kehou.admin.web.ApiException;
import org.kehou.core.roster.ClassMapper;
import org.kehou.core.roster.SchoolClass;
import org.kehou.core.staff.Staff;
import org.kehou.core.staff.StaffRole;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Finds a class named in a request and enforces that a class teacher only reaches their own: any other class, even
 * one that does not exist, is 403 for them, so they cannot probe which classes exist.
 */
@Component
public class ClassAccess {

  private final ClassMapper classes;

  ClassAccess(ClassMapper classes) {
    this.classes = classes;
  }

  public SchoolClass byId(Staff me, long id) {
    return check(me, classes.findById(id).filter(c -> c.schoolId() == me.schoolId()), Long.toString(id));
  }

  public SchoolClass byName(Staff me, String name) {
    return check(me, classes.findByName(me.schoolId(), name == null ? "" : name.strip()), name);
  }

  /** Whether this staff member may see the confidential priority of the class's pupils. */
  public static boolean seesPriority(Staff me, SchoolClass c) {
    return me.isAdmin() || c.taughtBy(me.id());
  }

  /**
   * Whether this staff member may see the guardians' phone numbers in full: the school admin and the class's own class
   * teacher. A duty teacher will need them for the children in their sessions, which do not exist yet; until then they
   * see them masked.
   */
  public static boolean seesGuardianPhones(Staff me, SchoolClass c) {
    return me.isAdmin() || c.taughtBy(me.id());
  }

  private static SchoolClass check(Staff me, Optional<SchoolClass> found, String asked) {
    if (me.role() == StaffRole.CLASS_TEACHER && found.filter(c -> c.taughtBy(me.id())).isEmpty()) {
      throw new ApiException(HttpStatus.FORBIDDEN, "CLASS_FORBIDDEN", "error.classForbidden");
    }
    return found.orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "CLASS_NOT_FOUND", "error.classNotFound",
        Map.of("name", String.valueOf(asked))));
  }
}
