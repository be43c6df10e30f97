package org.kehou.core.waitlist;

import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The one place a seat count decides anything: submissions, capacity edits, withdrawals, declines, expiries and
 * acceptances all count here, in the caller's transaction (a {@link SeatTransaction}, read committed). Each count
 * first locks the offering row and then reads the choices with a plain read, which in read committed sees the latest
 * committed seats even in a transaction that read before it locked. Every write to an offering's choices holds the
 * offering's lock first, so nothing the count reads can change until the transaction ends; the counts take no row
 * locks of their own (see {@link SeatMapper#seatedLocked}). The locks are taken in one order everywhere: application,
 * then offerings by id, then choices.
 */
@Component
public class SeatKeeper {

  /** An offering's seats at the moment of the lock: held counts seated and offered choices. */
  public record Seats(int capacity, int seated, int held, int waiting) {

    /** A newcomer takes a seat only while one is free and nobody waits for it. */
    public boolean freeForNewcomer() {
      return held < capacity && waiting == 0;
    }
  }

  private final SeatMapper seats;
  private final SeatOffers seatOffers;

  SeatKeeper(SeatMapper seats, SeatOffers seatOffers) {
    this.seats = seats;
    this.seatOffers = seatOffers;
  }

  /** Locks the offering until the transaction ends and counts its seats afresh. */
  public Seats lock(long offeringId) {
    Integer isolation = TransactionSynchronizationManager.getCurrentTransactionIsolationLevel();
    if (isolation == null || isolation != TransactionDefinition.ISOLATION_READ_COMMITTED) {
      // Under repeatable read the plain counts would see the transaction's first snapshot, not the latest seats.
      throw new IllegalStateException("Seats are counted only in a read-committed @SeatTransaction");
    }
    int capacity = seats.lockOffering(offeringId);
    return new Seats(capacity, seats.seatedLocked(offeringId), seats.heldLocked(offeringId),
        seats.waitingLocked(offeringId));
  }

  /**
   * Offers the offering's free seats to its waitlist (priority, then lottery rank, then time). Call after any seat or
   * capacity change. An offering allocated at close offers nothing until its draw has run: the seats are the
   * entrants' to draw for, and a waitlisted child there applied after the close.
   */
  public void offerFreeSeats(long offeringId) {
    Seats now = lock(offeringId);
    if (seats.awaitingDraw(offeringId)) {
      return;
    }
    for (int free = now.capacity() - now.held(); free > 0; free--) {
      Long next = seats.firstWaitlisted(offeringId).orElse(null);
      if (next == null) {
        return;
      }
      seatOffers.offer(next);
    }
  }
}
