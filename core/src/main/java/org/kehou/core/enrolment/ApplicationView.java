package org.kehou.core.enrolment;

import java.time.LocalTime;
import java.util.List;

/** A child's live application as its guardians see it (every guardian of the child sees the same one). */
public record ApplicationView(long id, long studentId, String state, List<Choice> choices) {

  public ApplicationView {
    // Views are cached and shared between requests: nobody may change one.
    choices = List.copyOf(choices);
  }

  /**
   * @param status   SEATED, WAITLISTED, OFFERED (a freed seat held for the child) or RELEASED
   * @param position 1-based place on the offering's waitlist when WAITLISTED, else null
   */
  public record Choice(long offeringId, String name, int weekdays, LocalTime startsAt, LocalTime endsAt,
      String status, Integer position) {
  }
}
