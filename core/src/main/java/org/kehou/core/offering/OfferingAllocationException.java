package org.kehou.core.offering;

/** An allocation change that would rewrite the rules for children who applied under them. */
public class OfferingAllocationException extends RuntimeException {

  public enum Reason {
    /** The draw has run: its mode and closing time are history now, and the result stands on them. */
    DRAWN,
    /** The close has passed and the draw is due: whoever applied since waits behind the entrants. */
    CLOSED,
    /** Children have applied under the current mode: switching would seat them by rules they did not apply under. */
    HAS_CHOICES
  }

  private final Reason reason;

  public OfferingAllocationException(long offeringId, Reason reason) {
    super("Offering " + offeringId + ": allocation cannot change (" + reason + ")");
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
