package org.kehou.core.draw;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.kehou.core.agreement.AgreementService;
import org.kehou.core.lifecycle.ApplicationState;
import org.kehou.core.offering.Offering;
import org.kehou.core.waitlist.SeatKeeper;
import org.kehou.core.waitlist.SeatTransaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** One run of the draws that are due: every offering in it drawn, seated, recorded and told in one transaction. */
@Component
class DrawRun {

  private static final Logger log = LoggerFactory.getLogger(DrawRun.class);

  /** A child entered a draw after its applications were locked (a submission racing the close): nothing was kept. */
  static final class EntrantsMoved extends RuntimeException {
    EntrantsMoved(long offeringId) {
      super("Offering " + offeringId + " has an entrant whose application the draw had not locked");
    }
  }

  private final DrawMapper mapper;
  private final SeatKeeper seatKeeper;
  private final AgreementService agreements;
  private final DrawNotices notices;
  private final Clock clock;

  DrawRun(DrawMapper mapper, SeatKeeper seatKeeper, AgreementService agreements, DrawNotices notices, Clock clock) {
    this.mapper = mapper;
    this.seatKeeper = seatKeeper;
    this.agreements = agreements;
    this.notices = notices;
    this.clock = clock;
  }

  /**
   * Draws each of {@code due} (ascending ids) whose draw is still to run. One transaction for them all, so that every
   * guardian gets one message naming each child and offering of the run. Locks are taken in the order every seat
   * transaction takes them: the entrants' applications by id (a seat joining a signed agreement renders it again
   * under its application's lock), then each offering through the SeatKeeper, then choices. Whoever comes second (a
   * second instance, a re-run) finds drawn_at set under the offering's lock and draws nothing.
   *
   * @return the offerings drawn by this call
   * @throws EntrantsMoved when an entrant appeared whose application is not locked; the caller runs again
   */
  @SeatTransaction
  public List<Long> run(List<Long> due) {
    LocalDateTime now = LocalDateTime.now(clock);
    List<Long> applications = mapper.entrantApplications(due);
    Set<Long> locked = applications.isEmpty() ? Set.of() : Set.copyOf(mapper.lockApplications(applications));
    List<Long> drawn = new ArrayList<>();
    List<DrawMapper.Entrant> signedOrSigning = new ArrayList<>();
    for (long offeringId : due) {
      SeatKeeper.Seats seats = seatKeeper.lock(offeringId);
      DrawMapper.DrawnOffering offering = mapper.offering(offeringId);
      if (offering.allocation() != Offering.Allocation.AT_CLOSE || offering.drawnAt() != null
          || now.isBefore(offering.closesAt())) {
        continue;
      }
      List<DrawMapper.Entrant> entrants = mapper.entrants(offeringId);
      if (!entrants.stream().allMatch(e -> locked.contains(e.applicationId()))) {
        throw new EntrantsMoved(offeringId);
      }
      signedOrSigning.addAll(draw(offering, seats, entrants, now));
      drawn.add(offeringId);
    }
    // A seat for a child whose agreement is out (or signed) joins it as an accepted waitlist seat does.
    signedOrSigning.forEach(e -> agreements.seatAdded(e.applicationId(), null, e.choiceId()));
    notices.tell(drawn);
    // Seats the entrants left go to whoever applied after the close, in waitlist order.
    drawn.forEach(seatKeeper::offerFreeSeats);
    return drawn;
  }

  /** Seats and waitlists the entrants; returns the seated entrants whose application is at the agreement stage. */
  private List<DrawMapper.Entrant> draw(DrawMapper.DrawnOffering offering, SeatKeeper.Seats seats,
      List<DrawMapper.Entrant> entrants, LocalDateTime now) {
    String seed = Lottery.newSeed();
    List<DrawMapper.Entrant> lottery = Lottery.order(seed, entrants, DrawMapper.Entrant::applicationId);
    Map<Long, Integer> rank = new HashMap<>();
    for (int i = 0; i < lottery.size(); i++) {
      rank.put(lottery.get(i).choiceId(), i + 1);
    }
    List<DrawMapper.Entrant> seatOrder = Stream.concat(lottery.stream().filter(DrawMapper.Entrant::priority),
        lottery.stream().filter(e -> !e.priority())).toList();
    int free = Math.max(0, seats.capacity() - seats.held());
    int seated = 0;
    List<DrawMapper.Entrant> agreementStage = new ArrayList<>();
    for (DrawMapper.Entrant entrant : seatOrder) {
      boolean seat = seated < free;
      mapper.place(entrant.choiceId(), seat ? "SEATED" : "WAITLISTED", rank.get(entrant.choiceId()),
          entrant.priority() ? "PRIORITY" : "LOTTERY", now);
      if (seat) {
        seated++;
        if (atAgreementStage(entrant.state())) {
          agreementStage.add(entrant);
        }
      }
    }
    mapper.releaseLeftovers(offering.id(), now);
    mapper.markDrawn(offering.id(), now);
    mapper.insertDraw(new DrawRecord(offering.id(), seed, now, offering.closesAt(), seats.capacity(), free,
        entrants.size(), seated));
    log.info("Drew offering {}: {} entrants for {} free seats, {} seated", offering.id(), entrants.size(), free,
        seated);
    return agreementStage;
  }

  private static boolean atAgreementStage(String state) {
    return ApplicationState.AGREEMENT_PENDING.name().equals(state) || ApplicationState.ACTIVE.name().equals(state);
  }
}
