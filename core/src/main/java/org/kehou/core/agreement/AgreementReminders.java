package org.kehou.core.agreement;

import static org.kehou.core.lifecycle.ApplicationState.ACTIVE;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kehou.core.lifecycle.ApplicationRow;
import org.kehou.core.lifecycle.ApplicationState;
import org.kehou.core.lifecycle.QuietHours;
import org.kehou.core.lifecycle.Transitions;
import org.kehou.core.text.Texts;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Nudges guardians whose agreement is waiting, and those whose added seat waits for its signature: once after 24
 * hours, once on the day before the deadline. Never in quiet hours, never to anyone who has not applied, and each at
 * most once (the outbox key is per application or seat, and kind).
 *
 * <p>Each reminder in its own transaction, which locks the application first and checks the step is still open: one
 * transaction holding many applications' locks would wait for the next one while holding the others.
 */
@Component
public class AgreementReminders {

  public static final String KIND = "agreement-reminder";
  static final List<String> WHEN_TO_REMIND = List.of("after-24h", "last-day");
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final AgreementMapper mapper;
  private final AmendmentMapper amendments;
  private final Transitions transitions;
  private final QuietHours quietHours;
  private final Texts texts;
  private final TransactionTemplate perReminder;
  private final Clock clock;

  AgreementReminders(AgreementMapper mapper, AmendmentMapper amendments, Transitions transitions,
      QuietHours quietHours, Texts texts, PlatformTransactionManager txManager, Clock clock) {
    this.mapper = mapper;
    this.amendments = amendments;
    this.transitions = transitions;
    this.quietHours = quietHours;
    this.texts = texts;
    this.perReminder = new TransactionTemplate(txManager);
    // Read committed: the step is checked after the lock with a fresh read, not a snapshot from before it.
    this.perReminder.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
    this.clock = clock;
  }

  public void remind() {
    if (quietHours.now()) {
      return;
    }
    LocalDateTime now = LocalDateTime.now(clock);
    mapper.waitingOverADay(now).forEach(id -> remind(id, WHEN_TO_REMIND.get(0)));
    mapper.lastDayBeforeDeadline(now).forEach(id -> remind(id, WHEN_TO_REMIND.get(1)));
    amendments.waitingOverADay(now).forEach(id -> remindOfAddedSeat(id, WHEN_TO_REMIND.get(0)));
    amendments.lastDayBeforeDeadline(now).forEach(id -> remindOfAddedSeat(id, WHEN_TO_REMIND.get(1)));
  }

  private void remind(long applicationId, String which) {
    perReminder.executeWithoutResult(tx -> {
      ApplicationRow row = transitions.lock(applicationId);
      if (row.state() != ApplicationState.AGREEMENT_PENDING) {
        // Signed, withdrawn or lapsed since the query above: the step is settled, nothing to nudge.
        return;
      }
      String deadline = WHEN.format(mapper.deadline(applicationId));
      Map<String, String> values = Map.of("child", row.studentName(), "deadline", deadline);
      transitions.tellGuardians(row, KIND, KIND + "-" + which, texts.message("agreement.reminder", values), values,
          null);
    });
  }

  private void remindOfAddedSeat(long choiceId, String which) {
    perReminder.executeWithoutResult(tx -> {
      Optional<PendingSeat> seen = amendments.stillPending(choiceId);
      if (seen.isEmpty()) {
        return;
      }
      ApplicationRow row = transitions.lock(seen.get().applicationId());
      // Signed, lapsed or withdrawn from since: settled (a signature and a lapse hold the application's lock).
      Optional<PendingSeat> seat = amendments.stillPending(choiceId);
      if (row.state() != ACTIVE || seat.isEmpty()) {
        return;
      }
      Map<String, String> values = Amendments.values(row, seat.get());
      transitions.tellGuardians(row, Amendments.REMINDER, Amendments.reminderOccasion(which, choiceId),
          texts.message("agreement.amendmentReminder", values), values, null);
    });
  }
}
