package org.kehou.admin.offering;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import org.kehou.core.offering.GradeMask;
import org.kehou.core.offering.Offering;
import org.kehou.core.offering.Weekday;

record OfferingView(long id, long termId, String name, Offering.Kind kind, List<Weekday> weekdays,
    List<Integer> grades, int capacity, int seatsTaken, String room, Long teacherId,
    @JsonFormat(pattern = "HH:mm") LocalTime startsAt, @JsonFormat(pattern = "HH:mm") LocalTime endsAt,
    Offering.Status status, Offering.Allocation allocation, LocalDateTime closesAt, LocalDateTime drawnAt) {

  static OfferingView of(Offering o) {
    return new OfferingView(o.id(), o.termId(), o.name(), o.kind(), Weekday.of(o.weekdays()),
        GradeMask.levels(o.grades()), o.capacity(), o.seatsTaken(), o.room(), o.teacherId(), o.startsAt(),
        o.endsAt(), o.status(), o.allocation(), o.closesAt(), o.drawnAt());
  }
}
