package org.kehou.core.agreement;

import static org.kehou.core.lifecycle.ApplicationState.ACTIVE;
import static org.kehou.core.lifecycle.ApplicationState.AGREEMENT_PENDING;
import static org.kehou.core.lifecycle.ApplicationState.IN_PUBLICITY;
import static org.kehou.core.lifecycle.ApplicationState.LAPSED;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kehou.core.lifecycle.Actor;
import org.kehou.core.lifecycle.ApplicationRow;
import org.kehou.core.lifecycle.Reviewer;
import org.kehou.core.lifecycle.Transitions;
import org.kehou.core.outbox.Outbox;
import org.kehou.core.review.ReviewService;
import org.kehou.core.text.Texts;
import org.kehou.core.waitlist.SeatTransaction;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The entrustment agreement: offered when publicity ends clean, signed by one guardian typing their registered name,
 * archived with the SHA-256 of the exact text, and lapsing at the term's deadline.
 */
@Service
public class AgreementService {

  private static final DateTimeFormatter DEADLINE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final AgreementMapper mapper;
  private final AgreementArchive archive;
  private final Amendments amendments;
  private final Transitions transitions;
  private final ReviewService reviews;
  private final Outbox outbox;
  private final Texts texts;
  private final ServiceDays serviceDays;
  private final Clock clock;

  AgreementService(AgreementMapper mapper, AgreementArchive archive, Amendments amendments, Transitions transitions,
      ReviewService reviews, Outbox outbox, Texts texts, ServiceDays serviceDays, Clock clock) {
    this.serviceDays = serviceDays;
    this.outbox = outbox;
    this.mapper = mapper;
    this.archive = archive;
    this.amendments = amendments;
    this.transitions = transitions;
    this.reviews = reviews;
    this.texts = texts;
    this.clock = clock;
  }

  /**
   * Publicity is over with no open objection and the child holds a seat: archive the agreement and ask the guardians
   * to sign. Idempotent.
   */
  @Transactional
  public boolean offer(long applicationId) {
    ApplicationRow row = transitions.lock(applicationId);
    // A child only on waitlists has nothing to sign yet: the application waits in publicity (and can be withdrawn)
    // until an offered seat is accepted; the next tick then offers the agreement.
    if (row.state() != IN_PUBLICITY || mapper.seatedOfferings(row.id()).isEmpty()) {
      return false;
    }
    transitions.move(row, AGREEMENT_PENDING, Actor.system(), null);
    archive.archive(row);
    LocalDateTime now = LocalDateTime.now(clock);
    LocalDateTime deadline = now.plusDays(mapper.signWithinDays(row.termId()));
    mapper.agreementSent(row.id(), now, deadline);
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("child", row.studentName());
    fields.put("title", texts.message("agreement.ready.title"));
    fields.put("deadline", DEADLINE.format(deadline));
    transitions.tellGuardians(row, "agreement-ready",
        texts.message("agreement.ready", Map.of("child", row.studentName(), "deadline", DEADLINE.format(deadline))),
        fields, null);
    return true;
  }

  /**
   * A waitlisted seat was accepted (or a draw gave one), in that seat transaction. Before the agreement stage nothing
   * changes (the agreement will list it). While the agreement waits, it is rendered again with the new seat under the
   * same deadline. An active enrolment signs for the seat on its own, by its own deadline (see {@link Amendments}).
   * Returns what the guardian who accepted must do next, if anything.
   *
   * @param guardianId the guardian answered in the chat, who is not told again; null when a draw gave the seat
   */
  public Optional<String> seatAdded(long applicationId, Long guardianId, long choiceId) {
    ApplicationRow row = transitions.lock(applicationId);
    if (row.state() == ACTIVE) {
      return Optional.of(amendments.ask(row, choiceId, guardianId));
    }
    if (row.state() != AGREEMENT_PENDING) {
      return Optional.empty();
    }
    String sha = archive.archive(row).sha256();
    Map<String, String> values = Map.of("child", row.studentName(),
        "deadline", DEADLINE.format(mapper.deadline(row.id())));
    transitions.tellGuardians(row, "agreement-updated", "agreement-updated:" + sha.substring(0, 12),
        texts.message("agreement.updated", values), Map.of("child", row.studentName()), guardianId);
    return Optional.of(texts.message("agreement.updatedAsked", values));
  }

  /** The agreement text waiting for the child's guardians, if one is. */
  public Optional<String> pendingText(long studentId) {
    return mapper.liveApplication(studentId).flatMap(this::awaitingSignature).map(AgreementDocument::body);
  }

  /**
   * What {@code 协议} shows: the text waiting for a signature under a line saying what it is about and by when it must
   * be signed (the agreement's deadline, or each added seat's).
   */
  public Optional<String> pendingReply(long studentId) {
    return mapper.liveApplication(studentId).map(transitions::lock)
        .flatMap(row -> awaitingSignature(row).map(document -> heading(row) + "\n\n" + document.body()));
  }

  private String heading(ApplicationRow row) {
    if (row.state() == AGREEMENT_PENDING) {
      return texts.message("agreement.heading", Map.of("child", row.studentName(),
          "deadline", DEADLINE.format(mapper.deadline(row.id()))));
    }
    return amendments.heading(row);
  }

  private Optional<AgreementDocument> awaitingSignature(long applicationId) {
    return awaitingSignature(transitions.lock(applicationId));
  }

  private Optional<AgreementDocument> awaitingSignature(ApplicationRow row) {
    if (row.state() == AGREEMENT_PENDING) {
      return mapper.latest(row.id());
    }
    return row.state() == ACTIVE ? amendments.waiting(row.id()) : Optional.empty();
  }

  /**
   * A guardian's reply to a pending agreement: their registered name signs it, anything else gets a hint. Read
   * committed, so that what is signed is read after the application's lock: a lapse committed meanwhile is seen.
   */
  @Transactional(isolation = Isolation.READ_COMMITTED)
  public SignOutcome sign(long guardianId, String openid, long studentId, String childName, String typed) {
    Optional<Long> live = mapper.liveApplication(studentId);
    Optional<AgreementDocument> waiting = live.flatMap(this::awaitingSignature);
    if (waiting.isEmpty()) {
      return new SignOutcome(SignOutcome.Result.NOTHING_TO_SIGN,
          texts.message("agreement.nothingToSign", Map.of("child", childName)));
    }
    String registered = mapper.guardianName(guardianId);
    if (!normalise(typed).equals(normalise(registered))) {
      return new SignOutcome(SignOutcome.Result.WRONG_NAME, texts.message("agreement.wrongName"));
    }
    ApplicationRow row = transitions.lock(live.get());
    LocalDateTime now = LocalDateTime.now(clock);
    mapper.sign(waiting.get(), guardianId, openid, now);
    outbox.cancelPending(studentId, AgreementReminders.KIND);
    amendments.signed(row, now);
    if (row.state() == ACTIVE) {
      Map<String, Object> values = Map.of("child", row.studentName(), "signer", registered);
      transitions.tellGuardians(row, "agreement-update-signed", "agreement-update-signed:" + waiting.get().id(),
          texts.message("agreement.updateSignedByOther", values), Transitions.fields(values), guardianId);
      return new SignOutcome(SignOutcome.Result.SIGNED, texts.message("agreement.updateSigned", values));
    }
    LocalDate activeFrom = serviceDays.nextFor(row);
    transitions.move(row, ACTIVE, Actor.guardian(guardianId), null);
    mapper.activeFrom(row.id(), activeFrom);
    Map<String, Object> values = Map.of("child", row.studentName(), "activeFrom", activeFrom, "signer", registered);
    transitions.tellGuardians(row, "agreement-signed", texts.message("agreement.signedByOther", values),
        Transitions.fields(values), guardianId);
    return new SignOutcome(SignOutcome.Result.SIGNED, texts.message("agreement.signed", values));
  }

  /** Whether the text typed is the guardian's registered name, which signs: checked before asking which child. */
  public boolean isRegisteredName(long guardianId, String typed) {
    return normalise(typed).equals(normalise(mapper.guardianName(guardianId)));
  }

  /** Past the signing deadline: the seat goes back (to the waitlist) and the guardians are told. Idempotent. */
  @SeatTransaction
  public boolean lapse(long applicationId) {
    ApplicationRow row = transitions.lock(applicationId);
    if (row.state() != AGREEMENT_PENDING) {
      return false;
    }
    transitions.move(row, LAPSED, Actor.system(), null);
    Map<String, String> values = Map.of("child", row.studentName());
    transitions.tellGuardians(row, "agreement-lapsed", texts.message("agreement.lapsed", values), values, null);
    return true;
  }

  public List<Long> pastDeadline() {
    return mapper.pastDeadline(LocalDateTime.now(clock));
  }

  /** For an admin: every signature with its archived text and whether the stored hash still matches the text. */
  public List<SignedAgreement> signatures(Reviewer reviewer, long applicationId) {
    reviews.visible(reviewer, applicationId);
    return mapper.signatures(applicationId).stream().map(s -> {
      String now = Texts.sha256(s.body());
      return new SignedAgreement(s.id(), s.guardianId(), s.guardianName(), s.templateVersion(), s.sha256(), now,
          now.equals(s.sha256()), s.signedAt(), s.body());
    }).toList();
  }

  /** Parents type names with stray spaces, full-width or not; the name itself must match exactly. */
  private static String normalise(String name) {
    return name == null ? "" : name.replaceAll("[\\s\\u3000]", "");
  }

  public record SignOutcome(Result result, String reply) {
    public enum Result { SIGNED, WRONG_NAME, NOTHING_TO_SIGN }
  }
}
