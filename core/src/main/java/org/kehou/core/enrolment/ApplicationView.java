package org.kehou.core.enrolment;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

/** A child's live application as its guardians see it (every guardian of the child sees the same one). */
public record ApplicationView(long id, long studentId, String state, List<Choice> choices) {

  public ApplicationView {
    // Views are cached and shared between requests: nobody may change one.
    choices = List.copyOf(choices);
  }

  /**
   * @param status   SEATED, WAITLISTED, OFFERED (a freed seat held for the child), IN_DRAW (waiting for the
   *                 offering's draw at its close) or RELEASED
   * @param position when WAITLISTED, the 1-based place among the waitlisted children of the same priority standing
   *                 (never counting the others, so that a place reveals nobody's priority flag); else null
   * @param closesAt when IN_DRAW, the offering's closing time (the draw runs then); else null
   */
  public record Choice(long offeringId, String name, int weekdays, LocalTime startsAt, LocalTime endsAt,
      String status, Integer position, LocalDateTime closesAt) {
  }
}
