package org.kehou.core.offering;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
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
  private final Clock clock;

  OfferingService(OfferingMapper offerings, SeatKeeper seatKeeper, Clock clock) {
    this.offerings = offerings;
    this.seatKeeper = seatKeeper;
    this.clock = clock;
  }

  @Transactional
  public Offering create(long schoolId, long termId, OfferingDraft draft) {
    GeneratedId key = new GeneratedId();
    offerings.insert(schoolId, termId, draft, key);
    log.info("Created offering {} in term {} of school {}", key.value(), termId, schoolId);
    return offerings.findById(key.value()).orElseThrow();
  }

  /**
   * Changes the offering; a raised capacity is offered to the waitlist at once. The allocation mode changes only while
   * no child has applied, and neither it nor the closing time once the close has passed (moving the closing time
   * before it is fine: the entrants stay in the draw).
   *
   * @throws OfferingCapacityException   when the new capacity is below the seats held (seated or offered)
   * @throws OfferingAllocationException when the draft changes the allocation where that is no longer allowed
   */
  @SeatTransaction
  public Offering update(long id, OfferingDraft draft) {
    int held = seatKeeper.lock(id).held();
    // Read under the lock: the draw sets drawn_at holding the same lock.
    Offering now = offerings.findById(id).orElseThrow();
    boolean modeChanges = draft.allocation() != now.allocation();
    boolean allocationChanges = modeChanges || !Objects.equals(draft.closesAt(), toSecond(now.closesAt()));
    if (now.drawnAt() != null && allocationChanges) {
      throw new OfferingAllocationException(id, OfferingAllocationException.Reason.DRAWN);
    }
    // Past the close the draw is due: children who applied since wait behind the entrants, and reopening the draw
    // would put later entrants ahead of them.
    if (now.closesAt() != null && !LocalDateTime.now(clock).isBefore(now.closesAt()) && allocationChanges) {
      throw new OfferingAllocationException(id, OfferingAllocationException.Reason.CLOSED);
    }
    if (modeChanges && offerings.hasChoices(id)) {
      throw new OfferingAllocationException(id, OfferingAllocationException.Reason.HAS_CHOICES);
    }
    if (draft.capacity() < held) {
      throw new OfferingCapacityException(id, held);
    }
    offerings.update(id, draft);
    // New seats go to the waitlist before any newcomer: submissions wait while anyone does.
    seatKeeper.offerFreeSeats(id);
    return offerings.findById(id).orElseThrow();
  }

  private static LocalDateTime toSecond(LocalDateTime time) {
    return time == null ? null : time.truncatedTo(ChronoUnit.SECONDS);
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
