package org.kehou.core.enrolment;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.kehou.core.enrolment.Submission.Outcome;
import org.kehou.core.waitlist.SeatKeeper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes many submissions in one seat transaction, with the rules of one: each offering is locked once (in id order,
 * after the applications are written, as every seat transaction does) and its seats counted once, then the choices are
 * placed in the order the parents confirmed, each seeing the seats the earlier ones took. In a sign-up rush the
 * offerings everybody wants are one row lock each; one holder at a time, one commit for many parents.
 */
@Component
class SubmissionBatch {

  /** The batch met something a single submission decides better (a lost race, a closed offering): roll back all. */
  static final class Conflict extends RuntimeException {
    Conflict(String message) {
      super(message, null, false, false);
    }
  }

  private final SubmissionMapper mapper;
  private final SeatKeeper seatKeeper;
  private final TransactionTemplate tx;
  private final Clock clock;

  SubmissionBatch(SubmissionMapper mapper, SeatKeeper seatKeeper, PlatformTransactionManager txManager, Clock clock) {
    this.mapper = mapper;
    this.seatKeeper = seatKeeper;
    this.clock = clock;
    this.tx = new TransactionTemplate(txManager);
    this.tx.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
  }

  /**
   * Each request's outcome, in the requests' order, a submitted one with its application as the parent's reply shows
   * it: all written or none (then {@link Conflict} or the database's exception is thrown).
   */
  List<Submission> run(List<NewApplication> requests) {
    return tx.execute(status -> write(requests));
  }

  private List<Submission> write(List<NewApplication> requests) {
    List<Outcome> outcomes = new ArrayList<>();
    Map<Long, SubmissionMapper.OpenOffering> open = byId(mapper.openOfferings(offeringsOf(requests)));
    Set<String> applied = new HashSet<>();
    mapper.liveApplications(requests.stream().map(NewApplication::studentId).toList())
        .forEach(a -> applied.add(a.termId() + ":" + a.studentId()));
    List<NewApplication> accepted = new ArrayList<>();
    for (NewApplication request : requests) {
      if (!applied.add(request.termId() + ":" + request.studentId())) {
        outcomes.add(Outcome.ALREADY_APPLIED);
      } else if (!available(request, open)) {
        outcomes.add(Outcome.OFFERING_UNAVAILABLE);
      } else {
        accepted.add(request);
        outcomes.add(Outcome.SUBMITTED);
      }
    }
    if (accepted.isEmpty()) {
      return outcomes.stream().map(o -> new Submission(o, Optional.empty())).toList();
    }
    mapper.insertApplications(accepted);
    Map<String, Long> ids = new HashMap<>();
    mapper.liveApplications(accepted.stream().map(NewApplication::studentId).toList())
        .forEach(a -> ids.put(a.termId() + ":" + a.studentId(), a.id()));
    Map<Long, SubmissionMapper.OpenOffering> locked = byId(mapper.lockOpenOfferings(offeringsOf(accepted)));
    LocalDateTime now = LocalDateTime.now(clock);
    Map<Long, Placing> placing = new HashMap<>();
    List<SubmissionMapper.NewChoice> choices = new ArrayList<>();
    List<SubmissionMapper.Submitted> submitted = new ArrayList<>();
    for (NewApplication request : accepted) {
      if (!available(request, locked)) {
        throw new Conflict("an offering closed while the batch was written");
      }
      long applicationId = ids.get(request.termId() + ":" + request.studentId());
      for (long offeringId : request.offeringIds()) {
        Placing p = placing.computeIfAbsent(offeringId, id -> new Placing(locked.get(id).locked()));
        choices.add(new SubmissionMapper.NewChoice(applicationId, offeringId, p.place(now)));
      }
      submitted.add(new SubmissionMapper.Submitted(applicationId, request.guardianId()));
    }
    mapper.insertChoices(choices);
    mapper.insertSubmittedHistory(submitted);
    return submissions(requests, outcomes, ids, submitted.stream().map(SubmissionMapper.Submitted::id).toList());
  }

  /**
   * The submitted applications read back in one statement for the whole batch, still under the offerings' locks, so
   * each parent's reply needs no reads of its own after the commit.
   */
  private List<Submission> submissions(List<NewApplication> requests, List<Outcome> outcomes, Map<String, Long> ids,
      List<Long> written) {
    Map<Long, List<ApplicationView.Choice>> choices = new HashMap<>();
    mapper.submittedChoices(written).forEach(c ->
        choices.computeIfAbsent(c.applicationId(), id -> new ArrayList<>()).add(c.choice()));
    List<Submission> submissions = new ArrayList<>();
    for (int i = 0; i < requests.size(); i++) {
      NewApplication request = requests.get(i);
      if (outcomes.get(i) != Outcome.SUBMITTED) {
        submissions.add(new Submission(outcomes.get(i), Optional.empty()));
        continue;
      }
      long id = ids.get(request.termId() + ":" + request.studentId());
      submissions.add(new Submission(Outcome.SUBMITTED, Optional.of(
          new ApplicationView(id, request.studentId(), "SUBMITTED", choices.getOrDefault(id, List.of())))));
    }
    return submissions;
  }

  /** Every chosen offering is open, of the request's term and for the child's grade. */
  private static boolean available(NewApplication request, Map<Long, SubmissionMapper.OpenOffering> open) {
    return !request.offeringIds().isEmpty() && request.offeringIds().stream().allMatch(id -> {
      SubmissionMapper.OpenOffering o = open.get(id);
      return o != null && o.termId() == request.termId() && (o.grades() & request.gradeBit()) != 0;
    });
  }

  private static Set<Long> offeringsOf(List<NewApplication> requests) {
    Set<Long> ids = new TreeSet<>();
    requests.forEach(r -> ids.addAll(r.offeringIds()));
    return ids;
  }

  private static Map<Long, SubmissionMapper.OpenOffering> byId(List<SubmissionMapper.OpenOffering> offerings) {
    Map<Long, SubmissionMapper.OpenOffering> map = new HashMap<>();
    offerings.forEach(o -> map.put(o.id(), o));
    return map;
  }

  /**
   * How the batch's choices of one offering are placed: the same rule as a single submission (EnrolmentService), with
   * the seats counted once under the lock and then kept up to date as the batch takes them.
   */
  private final class Placing {
    private final EnrolmentMapper.LockedOffering offering;
    private SeatKeeper.Seats seats;

    Placing(EnrolmentMapper.LockedOffering offering) {
      this.offering = offering;
    }

    String place(LocalDateTime now) {
      if (offering.collectingForDraw(now)) {
        return "IN_DRAW";
      }
      if (offering.awaitingDraw(now)) {
        return "WAITLISTED";
      }
      if (seats == null) {
        seats = seatKeeper.lock(offering.id());
      }
      if (seats.freeForNewcomer()) {
        seats = new SeatKeeper.Seats(seats.capacity(), seats.seated() + 1, seats.held() + 1, seats.waiting());
        return "SEATED";
      }
      seats = new SeatKeeper.Seats(seats.capacity(), seats.seated(), seats.held(), seats.waiting() + 1);
      return "WAITLISTED";
    }
  }
}
