package org.kehou.core.offering;

import org.kehou.core.GeneratedId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates and changes offerings; the one rule it guards is that capacity never drops below the seats taken. */
@Service
public class OfferingService {

  private static final Logger log = LoggerFactory.getLogger(OfferingService.class);

  private final OfferingMapper offerings;

  OfferingService(OfferingMapper offerings) {
    this.offerings = offerings;
  }

  @Transactional
  public Offering create(long schoolId, long termId, OfferingDraft draft) {
    GeneratedId key = new GeneratedId();
    offerings.insert(schoolId, termId, draft, key);
    log.info("Created offering {} in term {} of school {}", key.value(), termId, schoolId);
    return offerings.findById(key.value()).orElseThrow();
  }

  /**
   * @throws OfferingCapacityException when the new capacity is below the seats already taken
   */
  @Transactional
  public Offering update(long id, OfferingDraft draft) {
    offerings.lock(id);
    int seatsTaken = offerings.seatsTaken(id);
    if (draft.capacity() < seatsTaken) {
      throw new OfferingCapacityException(id, seatsTaken);
    }
    offerings.update(id, draft);
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
