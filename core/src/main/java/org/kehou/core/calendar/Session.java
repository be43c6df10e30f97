package org.kehou.core.calendar;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.kehou.core.offering.Offering;

/** One offering on one date, with its times that day and the children expected. */
public record Session(LocalDate date, long offeringId, String offering, Offering.Kind kind, String room,
    LocalTime startsAt, LocalTime endsAt, Long teacherId, String teacher, List<RosterChild> children) {
}
