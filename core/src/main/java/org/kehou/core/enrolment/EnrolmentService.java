package org.kehou.core.enrolment;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.kehou.core.GeneratedId;
import org.kehou.core.cache.CacheEpochs;
import org.kehou.core.cache.EpochCache;
import org.kehou.core.cache.Region;
import org.kehou.core.enrolment.Submission.Outcome;
import org.kehou.core.waitlist.SeatKeeper;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** Applications to the term's offerings: seats while they last (or by draw at the close), then a waitlist. */
@Service
public class EnrolmentService {

  private static final int CACHED_APPLICATIONS = 50_000;

  private final EnrolmentMapper mapper;
  private final SeatKeeper seatKeeper;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final EpochCache<ChildInTerm, Optional<ApplicationView>> latest;

  EnrolmentService(EnrolmentMapper mapper, SeatKeeper seatKeeper, PlatformTransactionManager txManager,
      CacheEpochs epochs, Clock clock) {
    this.mapper = mapper;
    this.clock = clock;
    this.seatKeeper = seatKeeper;
    // 状态 is what parents send most; the answer changes only when some enrolment write moves the epoch.
    this.latest = new EpochCache<>(epochs, Region.ENROLMENT, CACHED_APPLICATIONS);
    this.tx = new TransactionTemplate(txManager);
    // Seats are counted after the offering row is locked: read committed sees the seats the previous holder took.
    this.tx.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
  }

  /** The term's open offerings a child of this grade (1..6) may choose, with seats taken so far. */
  public List<Offer> openOfferings(long termId, int gradeLevel) {
    return mapper.openOfferings(termId, gradeBit(gradeLevel));
  }

  public Optional<ApplicationView> liveApplication(long termId, long studentId) {
    return mapper.liveApplication(termId, studentId)
        .map(a -> new ApplicationView(a.id(), a.studentId(), a.state(), mapper.choices(a.id())));
  }

  /** What 状态 reports: the live application, or the last one of the term so a parent learns how it ended. */
  public Optional<ApplicationView> latestApplication(long termId, long studentId) {
    return latest.get(new ChildInTerm(termId, studentId), () -> mapper.latestApplication(termId, studentId)
        .map(a -> new ApplicationView(a.id(), a.studentId(), a.state(), mapper.choices(a.id()))));
  }

  private record ChildInTerm(long termId, long studentId) {
  }

  /**
   * Submits the child's application in one transaction: each chosen offering seats the child while a seat is free and
   * nobody waits for one, else puts the child on its waitlist; an offering allocated at close enters the child in its
   * draw instead, until the close. A second live application for the child is refused, also under a race.
   */
  public Submission submit(long schoolId, long termId, long studentId, int gradeLevel, long guardianId,
      List<Long> offeringIds) {
    List<Long> ids = offeringIds.stream().distinct().sorted().toList();
    if (ids.isEmpty()) {
      return new Submission(Outcome.OFFERING_UNAVAILABLE, Optional.empty());
    }
    Long applicationId;
    try {
      applicationId = tx.execute(status -> {
        if (mapper.liveApplication(termId, studentId).isPresent()) {
          return -1L;
        }
        GeneratedId key = new GeneratedId();
        mapper.insertApplication(schoolId, termId, studentId, guardianId, key);
        List<EnrolmentMapper.LockedOffering> locked = mapper.lockOfferings(termId, gradeBit(gradeLevel), ids);
        if (locked.size() != ids.size()) {
          status.setRollbackOnly();
          return null;
        }
        LocalDateTime now = LocalDateTime.now(clock);
        for (EnrolmentMapper.LockedOffering offering : locked) {
          mapper.insertChoice(key.value(), offering.id(), placement(offering, now));
        }
        mapper.insertSubmittedHistory(key.value(), guardianId);
        return key.value();
      });
    } catch (DuplicateKeyException e) {
      applicationId = -1L;
    }
    if (applicationId == null) {
      return new Submission(Outcome.OFFERING_UNAVAILABLE, Optional.empty());
    }
    Outcome outcome = applicationId < 0 ? Outcome.ALREADY_APPLIED : Outcome.SUBMITTED;
    return new Submission(outcome, liveApplication(termId, studentId));
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

  static int gradeBit(int gradeLevel) {
    if (gradeLevel < 1 || gradeLevel > 6) {
      throw new IllegalArgumentException("grade level " + gradeLevel);
    }
    return 1 << (gradeLevel - 1);
  }
}
