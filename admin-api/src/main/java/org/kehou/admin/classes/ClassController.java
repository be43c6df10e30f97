package org.kehou.admin.classes;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.kehou.admin.auth.Access;
import org.kehou.admin.web.ApiException;
import org.kehou.core.roster.ClassMapper;
import org.kehou.core.roster.ClassRosterService;
import org.kehou.core.roster.ClassStudent;
import org.kehou.core.roster.Priority;
import org.kehou.core.roster.SchoolClass;
import org.kehou.core.staff.Staff;
import org.kehou.core.staff.StaffRole;
import org.kehou.core.staff.StaffService;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ClassController {

  private final ClassMapper classes;
  private final ClassAccess access;
  private final ClassRosterService roster;
  private final StaffService staff;

  ClassController(ClassMapper classes, ClassAccess access, ClassRosterService roster, StaffService staff) {
    this.classes = classes;
    this.access = access;
    this.roster = roster;
    this.staff = staff;
  }

  @GetMapping("/api/v1/classes")
  List<SchoolClass> list(Staff me) {
    return me.role() == StaffRole.CLASS_TEACHER ? classes.listByTeacher(me.id()) : classes.listBySchool(me.schoolId());
  }

  @GetMapping("/api/v1/classes/{id}/students")
  List<StudentView> students(Staff me, @PathVariable long id) {
    SchoolClass c = access.byId(me, id);
    boolean priority = ClassAccess.seesPriority(me, c);
    boolean phones = ClassAccess.seesGuardianPhones(me, c);
    return roster.students(c.id()).stream().map(s -> StudentView.of(s, priority, phones)).toList();
  }

  @PutMapping("/api/v1/classes/{id}/class-teacher")
  SchoolClass assignTeacher(Staff me, @PathVariable long id, @RequestBody TeacherRequest body) {
    Access.requireAdmin(me);
    SchoolClass c = access.byId(me, id);
    if (body.staffId() != null) {
      Staff teacher = staff.find(body.staffId()).filter(s -> s.schoolId() == me.schoolId())
          .orElseThrow(() -> ApiException.notFound("STAFF_NOT_FOUND", "error.staffNotFound"));
      if (teacher.role() != StaffRole.CLASS_TEACHER) {
        throw new ApiException(HttpStatus.BAD_REQUEST, "NOT_A_CLASS_TEACHER", "classes.teacherNotClassTeacher");
      }
    }
    classes.setClassTeacher(c.id(), body.staffId());
    return classes.findById(c.id()).orElseThrow();
  }

  /** staffId null takes the class teacher off the class. */
  record TeacherRequest(Long staffId) {
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record StudentView(long id, String studentNo, String name, Priority priority, List<ClassStudent.Guardian> guardians) {
    static StudentView of(ClassStudent s, boolean withPriority, boolean withPhones) {
      List<ClassStudent.Guardian> guardians = withPhones ? s.guardians()
          : s.guardians().stream().map(ClassStudent.Guardian::withMaskedPhone).toList();
      return new StudentView(s.id(), s.studentNo(), s.name(), withPriority ? s.priority() : null, guardians);
    }
  }
}
