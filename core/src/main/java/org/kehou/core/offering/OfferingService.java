package org.kehou.core.offering;

import org.kehou.core.GeneratedId;
import org.kehou.core.waitlist.SeatKeeper;
import org.kehou.core.waitlist.SeatTransaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates and changes offerings; capacity never drops below the seats held. */
@Service
public class OfferingService {

  private static final Logger log = LoggerFactory.getLogger(OfferingService.class);

  private final OfferingMapper offerings;
  private final SeatKeeper seatKeeper;

  OfferingService(OfferingMapper offerings, SeatKeeper seatKeeper) {
    this.offerings = offerings;
    this.seatKeeper = seatKeeper;
  }

  @Transactional
  public Offering create(long schoolId, long termId, OfferingDraft draft) {
    GeneratedId key = new GeneratedId();
    offerings.insert(schoolId, termId, draft, key);
    log.info("Created offering {} in term {} of school {}", key.value(), termId, schoolId);
    return offerings.findById(key.value()).orElseThrow();
  }

  /**
   * Changes the offering; a raised capacity is offered to the waitlist at once.
   *
   * @throws OfferingCapacityException when the new capacity is below the seats held (seated or offered)
   */
  @SeatTransaction
  public Offering update(long id, OfferingDraft draft) {
    int held = seatKeeper.lock(id).held();
    if (draft.capacity() < held) {
      throw new OfferingCapacityException(id, held);
    }
    offerings.update(id, draft);
    // New seats go to the waitlist before any newcomer: submissions wait while anyone does.
    seatKeeper.offerFreeSeats(id);
    return offerings.findById(id).orElseThrow();
  }

  /** Closed offerings take no new applications; seats already taken stay. */
  @Transactional
  public Offering close(long id) {
    offerings.lock(id);
    offerings.close(id);
    log.info("Closed offering {}", id);
    return offerings.findById(id).orElseThrow();
  }
}
