package org.kehou.core.draw;

import java.time.LocalDateTime;

/**
 * One draw as stored: the seed that fixes its lottery order (see {@link Lottery}) and what it had to give.
 *
 * @param freeSeats capacity minus the seats already held at the draw: what the entrants shared
 * @param entrants  children in the draw (choices of live applications)
 * @param seated    how many of them it seated
 */
public record DrawRecord(long offeringId, String seed, LocalDateTime drawnAt, LocalDateTime closesAt, int capacity,
    int freeSeats, int entrants, int seated) {
}
