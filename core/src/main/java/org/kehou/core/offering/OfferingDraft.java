package org.kehou.core.offering;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;

/** What an admin sets on an offering; masks as in {@link Offering}; closesAt only with AT_CLOSE. */
public record OfferingDraft(String name, Offering.Kind kind, int weekdays, int grades, int capacity, String room,
    Long teacherId, LocalTime startsAt, LocalTime endsAt, Offering.Allocation allocation, LocalDateTime closesAt) {

  public OfferingDraft {
    if (allocation == null) {
      allocation = Offering.Allocation.FIRST_COME;
    }
    if ((allocation == Offering.Allocation.AT_CLOSE) != (closesAt != null)) {
      throw new IllegalArgumentException("An offering has a closing time exactly when it is allocated at close");
    }
    if (closesAt != null) {
      // Stored to the second: a closing time read back and sent again must compare equal (see OfferingService).
      closesAt = closesAt.truncatedTo(ChronoUnit.SECONDS);
    }
  }

  /** A first-come offering, as every offering was before allocation modes. */
  public OfferingDraft(String name, Offering.Kind kind, int weekdays, int grades, int capacity, String room,
      Long teacherId, LocalTime startsAt, LocalTime endsAt) {
    this(name, kind, weekdays, grades, capacity, room, teacherId, startsAt, endsAt, Offering.Allocation.FIRST_COME,
        null);
  }
}
