package org.kehou.admin.calendar;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.kehou.core.calendar.DayKind;
import org.kehou.core.calendar.ServiceDay;
import org.kehou.core.offering.Offering;
import org.kehou.core.offering.Weekday;

/** A date's sessions as one staff member may see them. */
record SessionsView(LocalDate date, boolean service, Weekday runsAs, DayKind calendarKind, String note,
    LocalTime startsAt, LocalTime endsAt, List<SessionView> sessions) {

  static SessionsView of(ServiceDay day, List<SessionView> sessions) {
    return new SessionsView(day.date(), day.service(), day.runsAs(), day.kind(), day.note(), day.startsAt(),
        day.endsAt(), sessions);
  }

  record SessionView(long offeringId, String offering, Offering.Kind kind, String room, LocalTime startsAt,
      LocalTime endsAt, Long teacherId, String teacher, List<ChildView> children) {
  }

  record ChildView(long studentId, String name, long classId, String className) {
  }
}
