package org.kehou.admin.calendar;

import io.swagger.v3.oas.annotations.Operation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.kehou.admin.calendar.SessionsView.ChildView;
import org.kehou.admin.calendar.SessionsView.SessionView;
import org.kehou.core.calendar.DaySessions;
import org.kehou.core.calendar.RosterChild;
import org.kehou.core.calendar.Session;
import org.kehou.core.calendar.Timetable;
import org.kehou.core.staff.Staff;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sessions of a date and who is expected in each. The school admin sees all of them; other staff see the sessions
 * they teach, whole, and the children of the classes they are class teacher of in any other session.
 */
@RestController
class SessionController {

  private final Timetable timetable;

  SessionController(Timetable timetable) {
    this.timetable = timetable;
  }

  @Operation(summary = "The date's sessions (offering × date, following the school calendar) with their times, "
      + "teacher and roster; scoped to the caller's sessions and classes unless admin")
  @GetMapping("/api/v1/sessions")
  SessionsView sessions(Staff me, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
    DaySessions day = timetable.on(me.schoolId(), date);
    List<SessionView> visible = new ArrayList<>();
    for (Session session : day.sessions()) {
      boolean teaches = session.teacherId() != null && session.teacherId() == me.id();
      List<ChildView> children = session.children().stream()
          .filter(child -> me.isAdmin() || teaches || isClassTeacherOf(me, child))
          .map(c -> new ChildView(c.studentId(), c.name(), c.classId(), c.className())).toList();
      if (me.isAdmin() || teaches || !children.isEmpty()) {
        visible.add(new SessionView(session.offeringId(), session.offering(), session.kind(), session.room(),
            session.startsAt(), session.endsAt(), session.teacherId(), session.teacher(), children));
      }
    }
    return SessionsView.of(day.day(), visible);
  }

  private static boolean isClassTeacherOf(Staff me, RosterChild child) {
    return child.classTeacherId() != null && child.classTeacherId() == me.id();
  }
}
