package org.kehou.core.enrolment;

import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * An open offering as a parent chooses it.
 *
 * @param weekdays     bit 0 = Monday .. bit 4 = Friday
 * @param seated       seats held (seated or offered), or the whole capacity while anyone is on the waitlist
 * @param drawClosesAt for an offering allocated at close whose draw has not run yet, its closing time; else null
 */
public record Offer(long id, String name, int weekdays, LocalTime startsAt, LocalTime endsAt, int capacity,
    int seated, LocalDateTime drawClosesAt) {

  public int freeSeats() {
    return Math.max(0, capacity - seated);
  }

  /** A choice submitted at {@code now} would enter the draw (it holds no seat until then). */
  public boolean inDraw(LocalDateTime now) {
    return drawClosesAt != null && now.isBefore(drawClosesAt);
  }

  /** Closed with its draw still to run: a choice submitted at {@code now} waits behind every entrant. */
  public boolean awaitingDraw(LocalDateTime now) {
    return drawClosesAt != null && !now.isBefore(drawClosesAt);
  }
}
