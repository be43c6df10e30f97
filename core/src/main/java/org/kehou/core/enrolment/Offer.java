package org.kehou.core.enrolment;

import java.time.LocalTime;

/**
 * An open offering as a parent chooses it.
 *
 * @param weekdays bit 0 = Monday .. bit 4 = Friday
 * @param seated   seats held (seated or offered), or the whole capacity while anyone is on the waitlist
 */
public record Offer(long id, String name, int weekdays, LocalTime startsAt, LocalTime endsAt, int capacity,
    int seated) {

  public int freeSeats() {
    return Math.max(0, capacity - seated);
  }
}
