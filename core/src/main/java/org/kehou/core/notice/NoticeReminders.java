package org.kehou.core.notice;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.kehou.core.lifecycle.QuietHours;
import org.kehou.core.outbox.OutboxBatch;
import org.kehou.core.outbox.Recipient;
import org.kehou.core.staff.StaffAlerts;
import org.kehou.core.text.Texts;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Run by the bot's clustered job. A notice to be confirmed is recalled once, {@code kehou.notices.remind-before} its
 * deadline, to the guardians of the children nobody has confirmed for; never in the quiet hours unless urgent. An
 * urgent notice still unconfirmed {@code kehou.notices.escalate-after} after it went out: its sender is told who.
 * Each step is claimed by a conditional update of the notice's row, so two instances (or a re-run) do it once.
 */
@Service
public class NoticeReminders {

  public static final String REMINDER_KIND = "notice-reminder";
  public static final String URGENT_REMINDER_KIND = "notice-urgent-reminder";
  public static final String STAFF_KIND = "notice-unconfirmed";
  /** Held by the quiet hours; urgent notices and their reminders go out at any hour. */
  public static final Set<String> HELD_KINDS = Set.of(Notices.KIND, REMINDER_KIND);
  private static final int NAMES_IN_ALERT = 10;
  /** An urgent notice older than this is not escalated after an outage: the moment has passed. */
  private static final Duration ESCALATION_HORIZON = Duration.ofHours(12);

  private final NoticeMapper mapper;
  private final NoticeTexts noticeTexts;
  private final Texts texts;
  private final NoticeLinks links;
  private final OutboxBatch outbox;
  private final StaffAlerts staffAlerts;
  private final QuietHours quietHours;
  private final NoticeProperties properties;
  private final TransactionTemplate tx;
  private final Clock clock;

  NoticeReminders(NoticeMapper mapper, NoticeTexts noticeTexts, Texts texts, NoticeLinks links, OutboxBatch outbox,
      StaffAlerts staffAlerts, QuietHours quietHours, NoticeProperties properties,
      PlatformTransactionManager txManager, Clock clock) {
    this.mapper = mapper;
    this.noticeTexts = noticeTexts;
    this.texts = texts;
    this.links = links;
    this.outbox = outbox;
    this.staffAlerts = staffAlerts;
    this.quietHours = quietHours;
    this.properties = properties;
    this.tx = new TransactionTemplate(txManager);
    this.clock = clock;
  }

  /** @return reminder messages queued plus senders alerted */
  public int tick() {
    LocalDateTime now = LocalDateTime.now(clock);
    int done = 0;
    for (long id : mapper.remindersDue(now, now.plus(properties.remindBefore()),
        properties.remindBefore().toSeconds())) {
      Integer queued = tx.execute(status -> remind(id, now));
      done += queued == null ? 0 : queued;
    }
    for (long id : mapper.escalationsDue(now.minus(properties.escalateAfter()), now.minus(ESCALATION_HORIZON))) {
      Boolean told = tx.execute(status -> escalate(id, now));
      done += Boolean.TRUE.equals(told) ? 1 : 0;
    }
    return done;
  }

  private int remind(long noticeId, LocalDateTime now) {
    NoticeRow notice = mapper.notice(noticeId).orElseThrow();
    if (!notice.urgent() && quietHours.now()) {
      return 0; // a later tick, once the night is over, if the deadline has not passed by then
    }
    if (mapper.claimReminder(noticeId, now) == 0) {
      return 0;
    }
    Map<Long, Integer> seqs = mapper.seqs(noticeId).stream()
        .collect(Collectors.toMap(NoticeMapper.SeqRow::guardianId, NoticeMapper.SeqRow::seq));
    List<OutboxBatch.Message> messages = new ArrayList<>();
    unconfirmedChildrenByGuardian(noticeId).forEach((guardianId, rows) -> {
      String link = links.url(noticeId, guardianId);
      NoticeTexts.Rendered text = noticeTexts.reminder(notice, seqs.get(guardianId),
          rows.stream().map(ChildRow::studentName).distinct().toList(), link);
      Long studentId = rows.stream().map(ChildRow::studentId).distinct().count() == 1 ? rows.get(0).studentId()
          : null;
      messages.add(new OutboxBatch.Message(new Recipient(notice.schoolId(), guardianId, studentId),
          notice.urgent() ? URGENT_REMINDER_KIND : REMINDER_KIND, "notice-reminder:" + noticeId + ":" + guardianId,
          text.body(), text.fields(), link));
    });
    return outbox.enqueueAll(messages);
  }

  private boolean escalate(long noticeId, LocalDateTime now) {
    if (mapper.claimEscalation(noticeId, now) == 0) {
      return false;
    }
    NoticeRow notice = mapper.notice(noticeId).orElseThrow();
    List<String> unconfirmed = unconfirmedChildren(mapper.children(noticeId)).stream()
        .map(rows -> rows.get(0).studentName()).toList();
    if (unconfirmed.isEmpty()) {
      return false;
    }
    String names = noticeTexts.children(unconfirmed.subList(0, Math.min(NAMES_IN_ALERT, unconfirmed.size())));
    if (unconfirmed.size() > NAMES_IN_ALERT) {
      names = texts.message("parentNotice.staff.andMore", Map.of("names", names));
    }
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("title", notice.title());
    fields.put("count", Integer.toString(unconfirmed.size()));
    String body = texts.message("parentNotice.staff.unconfirmedAlert", Map.of("title", notice.title(),
        "minutes", properties.escalateAfter().toMinutes(), "count", unconfirmed.size(), "children", names));
    return staffAlerts.tell(notice.senderId(), STAFF_KIND, "notice-unconfirmed:" + noticeId, body, fields);
  }

  /** Guardian to their children in the notice that nobody has confirmed for, for guardians who have not confirmed. */
  private Map<Long, List<ChildRow>> unconfirmedChildrenByGuardian(long noticeId) {
    Map<Long, List<ChildRow>> byGuardian = new LinkedHashMap<>();
    unconfirmedChildren(mapper.children(noticeId)).forEach(rows -> rows.forEach(
        r -> byGuardian.computeIfAbsent(r.guardianId(), g -> new ArrayList<>()).add(r)));
    return byGuardian;
  }

  private static List<List<ChildRow>> unconfirmedChildren(List<ChildRow> rows) {
    return rows.stream().collect(Collectors.groupingBy(ChildRow::studentId, LinkedHashMap::new, Collectors.toList()))
        .values().stream().filter(theirs -> theirs.stream().noneMatch(r -> r.confirmedAt() != null)).toList();
  }
}
