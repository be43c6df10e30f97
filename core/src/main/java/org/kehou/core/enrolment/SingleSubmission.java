package org.kehou.core.enrolment;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import org.kehou.core.GeneratedId;
import org.kehou.core.enrolment.Submission.Outcome;
import org.kehou.core.waitlist.SeatKeeper;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One submission in a transaction of its own: what a batch falls back to when it cannot write all of its submissions
 * together, so that each parent gets the answer their own submission deserves.
 */
@Component
class SingleSubmission {

  private final EnrolmentMapper mapper;
  private final SeatKeeper seatKeeper;
  private final TransactionTemplate tx;
  private final Clock clock;

  SingleSubmission(EnrolmentMapper mapper, SeatKeeper seatKeeper, PlatformTransactionManager txManager, Clock clock) {
    this.mapper = mapper;
    this.seatKeeper = seatKeeper;
    this.clock = clock;
    this.tx = new TransactionTemplate(txManager);
    // Seats are counted after the offering row is locked: read committed sees the seats the previous holder took.
    this.tx.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
  }

  Outcome submit(NewApplication request) {
    try {
      return tx.execute(status -> {
        if (mapper.liveApplication(request.termId(), request.studentId()).isPresent()) {
          return Outcome.ALREADY_APPLIED;
        }
        GeneratedId key = new GeneratedId();
        mapper.insertApplication(request.schoolId(), request.termId(), request.studentId(), request.guardianId(), key);
        List<Long> ids = request.offeringIds();
        List<EnrolmentMapper.LockedOffering> locked = mapper.lockOfferings(request.termId(), request.gradeBit(), ids);
        if (ids.isEmpty() || locked.size() != ids.size()) {
          status.setRollbackOnly();
          return Outcome.OFFERING_UNAVAILABLE;
        }
        LocalDateTime now = LocalDateTime.now(clock);
        for (EnrolmentMapper.LockedOffering offering : locked) {
          mapper.insertChoice(key.value(), offering.id(), placement(offering, now));
        }
        mapper.insertSubmittedHistory(key.value(), request.guardianId());
        return Outcome.SUBMITTED;
      });
    } catch (DuplicateKeyException e) {
      // The other guardian's submission for the same child committed first.
      return Outcome.ALREADY_APPLIED;
    }
  }

  /**
   * Before an AT_CLOSE offering's close the choice enters its draw and nothing is counted (the offering's row lock,
   * held until commit, keeps the draw from running meanwhile). Between the close and the draw it waits behind every
   * entrant: the draw offers it a seat only if the entrants leave one. Otherwise, and after the draw, first come.
   */
  private String placement(EnrolmentMapper.LockedOffering offering, LocalDateTime now) {
    if (offering.collectingForDraw(now)) {
      return "IN_DRAW";
    }
    if (offering.awaitingDraw(now)) {
      return "WAITLISTED";
    }
    return seatKeeper.lock(offering.id()).freeForNewcomer() ? "SEATED" : "WAITLISTED";
  }
}
