package org.kehou.core.agreement;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.kehou.core.lifecycle.ApplicationRow;
import org.kehou.core.lifecycle.ApplicationState;
import org.kehou.core.lifecycle.QuietHours;
import org.kehou.core.lifecycle.Transitions;
import org.kehou.core.text.Texts;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Nudges guardians whose agreement is waiting: once after 24 hours, once on the day before the deadline. Never in quiet
 * hours, never to anyone who has not applied, and each at most once (the outbox key is per application and kind).
 */
@Component
public class AgreementReminders {

  public static final String KIND = "agreement-reminder";
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final AgreementMapper mapper;
  private final Transitions transitions;
  private final QuietHours quietHours;
  private final Texts texts;
  private final Clock clock;

  AgreementReminders(AgreementMapper mapper, Transitions transitions, QuietHours quietHours, Texts texts, Clock clock) {
    this.mapper = mapper;
    this.transitions = transitions;
    this.quietHours = quietHours;
    this.texts = texts;
    this.clock = clock;
  }

  @Transactional
  public void remind() {
    if (quietHours.now()) {
      return;
    }
    LocalDateTime now = LocalDateTime.now(clock);
    mapper.waitingOverADay(now).forEach(id -> remind(id, "after-24h"));
    mapper.lastDayBeforeDeadline(now).forEach(id -> remind(id, "last-day"));
  }

  private void remind(long applicationId, String which) {
    ApplicationRow row = transitions.lock(applicationId);
    if (row.state() != ApplicationState.AGREEMENT_PENDING) {
      // Signed, withdrawn or lapsed since the query above: the step is settled, nothing to nudge.
      return;
    }
    String deadline = WHEN.format(mapper.deadline(applicationId));
    Map<String, String> values = Map.of("child", row.studentName(), "deadline", deadline);
    transitions.tellGuardians(row, KIND, KIND + "-" + which, texts.message("agreement.reminder", values), values, null);
  }
}
