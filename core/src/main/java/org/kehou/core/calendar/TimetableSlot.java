package org.kehou.core.calendar;

import java.time.LocalTime;
import org.kehou.core.offering.Offering;

/** An offering running on a weekday, with its teacher's name. */
record TimetableSlot(long offeringId, String name, Offering.Kind kind, String room, LocalTime startsAt,
    LocalTime endsAt, Long teacherId, String teacherName) {
}
