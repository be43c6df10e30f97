package org.kehou.core.agreement;

import static org.kehou.core.lifecycle.ApplicationState.ACTIVE;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.kehou.core.lifecycle.ApplicationRow;
import org.kehou.core.lifecycle.Transitions;
import org.kehou.core.outbox.Outbox;
import org.kehou.core.text.Texts;
import org.kehou.core.waitlist.SeatKeeper;
import org.kehou.core.waitlist.SeatTransaction;
import org.springframework.stereotype.Service;

/**
 * A seat added to an active enrolment (a waitlist offer accepted) goes through the agreement step again: the agreement
 * is rendered for the seats signed so far plus the added ones, and each added seat holds its place until its own
 * deadline (the term's time to sign, from the acceptance). One signature covers every added seat the text lists; an
 * added seat still unsigned at its deadline is released and offered to the waitlist, and the enrolment goes on with the
 * seats already signed.
 */
@Service
public class Amendments {

  public static final String REMINDER = "agreement-amendment-reminder";
  static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final AmendmentMapper mapper;
  private final AgreementMapper agreements;
  private final AgreementArchive archive;
  private final Transitions transitions;
  private final SeatKeeper seatKeeper;
  private final Outbox outbox;
  private final Texts texts;
  private final Clock clock;

  Amendments(AmendmentMapper mapper, AgreementMapper agreements, AgreementArchive archive, Transitions transitions,
      SeatKeeper seatKeeper, Outbox outbox, Texts texts, Clock clock) {
    this.mapper = mapper;
    this.agreements = agreements;
    this.archive = archive;
    this.transitions = transitions;
    this.seatKeeper = seatKeeper;
    this.outbox = outbox;
    this.texts = texts;
    this.clock = clock;
  }

  /**
   * The active enrolment of {@code row} (locked by the caller, as is the seat's offering) has just taken the seat of
   * {@code choiceId}: it waits for a signature until the deadline, and the other guardians are told. Returns the hint
   * for the guardian who accepted.
   */
  String ask(ApplicationRow row, long choiceId, Long guardianId) {
    LocalDateTime now = LocalDateTime.now(clock);
    LocalDateTime signBy = now.plusDays(agreements.signWithinDays(row.termId()));
    mapper.askToSign(choiceId, now, signBy);
    mapper.setDocument(row.id(), archive.archive(row).id());
    PendingSeat seat = mapper.stillPending(choiceId).orElseThrow();
    Map<String, String> values = values(row, seat);
    transitions.tellGuardians(row, "agreement-amendment", "agreement-amendment:" + choiceId,
        texts.message("agreement.amendment", values), values, guardianId);
    return texts.message("agreement.amendmentAsked", values);
  }

  /** The added seats of an application waiting for a signature, earliest deadline first. */
  public List<PendingSeat> pending(long applicationId) {
    return mapper.pending(applicationId);
  }

  /** The text an active enrolment's added seats wait to have signed, while any does. Caller holds the application. */
  Optional<AgreementDocument> waiting(long applicationId) {
    return mapper.pending(applicationId).isEmpty() ? Optional.empty() : mapper.document(applicationId);
  }

  /** The line above the text {@code 协议} shows: which added seats wait, each with its deadline. */
  String heading(ApplicationRow row) {
    String seats = mapper.pending(row.id()).stream()
        .map(seat -> texts.message("agreement.amendmentLine", values(row, seat)))
        .collect(Collectors.joining("\n"));
    return texts.message("agreement.amendmentHeading", Map.of("child", row.studentName(), "seats", seats));
  }

  /** A signature was given: it covers every seat held and not yet signed, whose reminders are dropped. */
  void signed(ApplicationRow row, LocalDateTime at) {
    mapper.signSeats(row.id(), at);
    mapper.setDocument(row.id(), null);
    outbox.cancelPending(row.studentId(), REMINDER);
  }

  /** Added seats still unsigned at their deadline (each is settled by {@link #lapse}). */
  public List<Long> pastDeadline() {
    return mapper.pastDeadline(LocalDateTime.now(clock));
  }

  /**
   * The added seat is past its deadline without a signature: it is released and offered to the waitlist, and the
   * guardians are told. The seats already signed stand, under the text signed for them; other added seats still
   * waiting get a text without this one. Idempotent.
   */
  @SeatTransaction
  public boolean lapse(long choiceId) {
    Optional<PendingSeat> seen = mapper.stillPending(choiceId);
    if (seen.isEmpty()) {
      return false;
    }
    ApplicationRow row = transitions.lock(seen.get().applicationId());
    seatKeeper.lock(seen.get().offeringId());
    LocalDateTime now = LocalDateTime.now(clock);
    // Read again under the locks: a signature that committed meanwhile settled the seat.
    Optional<PendingSeat> seat = mapper.stillPending(choiceId).filter(s -> !s.signBy().isAfter(now));
    if (row.state() != ACTIVE || seat.isEmpty() || mapper.release(choiceId, now) == 0) {
      return false;
    }
    for (String which : AgreementReminders.WHEN_TO_REMIND) {
      outbox.cancelPending(reminderOccasion(which, choiceId) + ":" + row.id());
    }
    boolean othersWait = !mapper.pending(row.id()).isEmpty();
    mapper.setDocument(row.id(), othersWait ? archive.archive(row).id() : null);
    seatKeeper.offerFreeSeats(seat.get().offeringId());
    Map<String, String> values = new LinkedHashMap<>();
    values.put("child", row.studentName());
    values.put("offering", seat.get().offering());
    transitions.tellGuardians(row, "agreement-amendment-lapsed", "agreement-amendment-lapsed:" + choiceId,
        texts.message(othersWait ? "agreement.amendmentLapsedOthersWait" : "agreement.amendmentLapsed", values),
        values, null);
    return true;
  }

  static String reminderOccasion(String which, long choiceId) {
    return REMINDER + "-" + which + ":" + choiceId;
  }

  static Map<String, String> values(ApplicationRow row, PendingSeat seat) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("child", row.studentName());
    values.put("offering", seat.offering());
    values.put("deadline", WHEN.format(seat.signBy()));
    return values;
  }
}
