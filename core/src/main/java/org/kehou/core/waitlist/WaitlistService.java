package org.kehou.core.waitlist;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Optional;
import org.kehou.core.agreement.AgreementService;
import org.kehou.core.lifecycle.GuardianNotices;
import org.kehou.core.lifecycle.QuietHours;
import org.kehou.core.lifecycle.Transitions;
import org.kehou.core.text.Texts;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A guardian's answer to a waitlist offer, and what happens without one: a decline or an expired offer moves the seat
 * to the next child; an accepted seat joins the child's agreement like any other.
 */
@Service
public class WaitlistService {

  public static final String OFFER_REMINDER = "waitlist-offer-reminder";

  private final SeatMapper seats;
  private final SeatKeeper seatKeeper;
  private final Transitions transitions;
  private final TransactionTemplate perOffer;
  private final GuardianNotices notices;
  private final AgreementService agreements;
  private final QuietHours quietHours;
  private final Texts texts;
  private final Clock clock;

  WaitlistService(SeatMapper seats, SeatKeeper seatKeeper, Transitions transitions, GuardianNotices notices,
      AgreementService agreements, QuietHours quietHours, Texts texts, Clock clock,
      PlatformTransactionManager txManager) {
    this.transitions = transitions;
    this.perOffer = new TransactionTemplate(txManager);
    this.perOffer.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
    this.quietHours = quietHours;
    this.seats = seats;
    this.seatKeeper = seatKeeper;
    this.notices = notices;
    this.agreements = agreements;
    this.texts = texts;
    this.clock = clock;
  }

  /** Whether the child has an offer waiting for an answer (so that 确认 means "accept it"). */
  @Transactional(readOnly = true)
  public boolean hasOpenOffer(long studentId) {
    return seats.openOffer(studentId, LocalDateTime.now(clock)).isPresent();
  }

  /** 确认: the seat is the child's; returns the reply for the guardian, or empty when there is no open offer. */
  @SeatTransaction
  public Optional<String> accept(long guardianId, long studentId) {
    LocalDateTime now = LocalDateTime.now(clock);
    Optional<Offer> open = seats.openOffer(studentId, now);
    if (open.isEmpty()) {
      return Optional.empty();
    }
    Offer offer = open.get();
    transitions.lock(offer.applicationId());
    SeatKeeper.Seats seatsNow = seatKeeper.lock(seats.offeringOf(offer.choiceId()));
    // The offer holds a seat, so seated children alone must leave one free for it.
    if (seatsNow.seated() >= seatsNow.capacity()) {
      if (seats.settleOffer(offer.choiceId(), "WAITLISTED", now) == 0) {
        return Optional.empty();
      }
      notices.dropOfferReminder(offer.choiceId());
      return Optional.of(texts.message("waitlist.noLongerFree",
          Map.of("child", offer.studentName(), "offering", offer.offeringName())));
    }
    if (seats.settleOffer(offer.choiceId(), "SEATED", now) == 0) {
      return Optional.empty();
    }
    notices.dropOfferReminder(offer.choiceId());
    String accepted = texts.message("waitlist.accepted",
        Map.of("child", offer.studentName(), "offering", offer.offeringName()));
    return Optional.of(agreements.seatAdded(offer.applicationId(), guardianId, offer.choiceId())
        .map(next -> accepted + "\n" + next).orElse(accepted));
  }

  /** 放弃: the offered seat goes to the next child. */
  @SeatTransaction
  public Optional<String> decline(long studentId) {
    LocalDateTime now = LocalDateTime.now(clock);
    Optional<Offer> open = seats.openOffer(studentId, now);
    if (open.isEmpty()) {
      return Optional.empty();
    }
    long offeringId = seats.offeringOf(open.get().choiceId());
    seatKeeper.lock(offeringId);
    if (seats.settleOffer(open.get().choiceId(), "RELEASED", now) == 0) {
      return Optional.empty();
    }
    notices.dropOfferReminder(open.get().choiceId());
    seatKeeper.offerFreeSeats(offeringId);
    return Optional.of(texts.message("waitlist.declined",
        Map.of("child", open.get().studentName(), "offering", open.get().offeringName())));
  }

  /**
   * Offers nobody answered in time are released and passed on; returns how many. Each offer in its own transaction:
   * one holding the messages of an expired offer must not then wait for the next offering's lock.
   */
  public int expireOffers() {
    LocalDateTime now = LocalDateTime.now(clock);
    int expired = 0;
    for (Offer offer : seats.expiredOffers(now)) {
      if (Boolean.TRUE.equals(perOffer.execute(status -> expire(offer, now)))) {
        expired++;
      }
    }
    return expired;
  }

  private boolean expire(Offer offer, LocalDateTime now) {
    long offeringId = seats.offeringOf(offer.choiceId());
    seatKeeper.lock(offeringId);
    if (seats.settleOffer(offer.choiceId(), "RELEASED", now) == 0) {
      return false;
    }
    notices.dropOfferReminder(offer.choiceId());
    notices.tell(offer.schoolId(), offer.studentId(), "waitlist-expired:" + offer.choiceId(), "waitlist-expired",
        texts.message("waitlist.expired", Map.of("child", offer.studentName(), "offering", offer.offeringName())),
        Map.of("child", offer.studentName(), "offering", offer.offeringName()), null);
    seatKeeper.offerFreeSeats(offeringId);
    return true;
  }

  /**
   * One reminder per offer, once half its time has passed (the outbox key makes a re-run harmless). Each offer in its
   * own transaction, like an expiry: one holding an offer's lock must not then wait for the next offering's.
   */
  public void remindHalfway() {
    if (quietHours.now()) {
      return;
    }
    for (Offer offer : seats.offersPastHalfway(LocalDateTime.now(clock))) {
      perOffer.executeWithoutResult(status -> remindHalfway(offer));
    }
  }

  private void remindHalfway(Offer offer) {
    // The offering's lock first, as every answer and expiry takes it: one committed meanwhile is seen here, and one
    // still to come waits for this reminder and then drops it.
    seats.lockOffering(seats.offeringOf(offer.choiceId()));
    if (!seats.offerStillOpen(offer.choiceId())) {
      return;
    }
    String expires = SeatOffers.WHEN.format(seats.offerExpiresAt(offer.choiceId()));
    Map<String, String> values = Map.of("child", offer.studentName(), "offering", offer.offeringName(),
        "expires", expires);
    notices.tell(offer.schoolId(), offer.studentId(), OFFER_REMINDER + ":" + offer.choiceId(),
        OFFER_REMINDER, texts.message("waitlist.reminder", values), values, null);
  }
}
