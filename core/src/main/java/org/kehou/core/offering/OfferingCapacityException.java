package org.kehou.core.offering;

/** A capacity below the seats already taken would unseat pupils who were promised a place. */
public class OfferingCapacityException extends RuntimeException {

  private final int seatsTaken;

  public OfferingCapacityException(long offeringId, int seatsTaken) {
    super("Offering " + offeringId + " has " + seatsTaken + " seats taken");
    this.seatsTaken = seatsTaken;
  }

  public int seatsTaken() {
    return seatsTaken;
  }
}
