package org.kehou.core.lifecycle;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.HashSet;
import java.util.Set;
import org.kehou.core.agreement.AgreementReminders;
import org.kehou.core.agreement.Amendments;
import org.kehou.core.calendar.CalendarNotices;
import org.kehou.core.leave.LeaveService;
import org.kehou.core.notice.NoticeReminders;
import org.kehou.core.outbox.SendWindow;
import org.kehou.core.waitlist.WaitlistService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Reminders never go out at night (default 21:30–07:00): none is queued then, and one that falls due then (a retry
 * after backoff, a row queued just before) is held by the dispatcher until the quiet hours end. The calendar's notices
 * (a cancelled afternoon, a new pickup time) and the class teacher's leave alerts are held the same way when they are
 * queued at night, and so are the school's notices (通知) unless urgent.
 */
@Component
public class QuietHours implements SendWindow {

  static final Set<String> REMINDER_KINDS =
      Set.of(AgreementReminders.KIND, Amendments.REMINDER, WaitlistService.OFFER_REMINDER);

  /**
   * Kinds that may be withdrawn after a dispatcher claimed them (a reminder whose occasion passed, a cancellation
   * notice whose cancellation was removed), so their rows are re-read right before sending.
   */
  private static final Set<String> WITHDRAWABLE_KINDS =
      union(union(REMINDER_KINDS, CalendarNotices.KINDS), LeaveService.STAFF_KINDS);

  /**
   * Every kind the dispatcher holds through the night: those above and the school's notices, which nothing withdraws
   * once queued. Kinds about a child's safety now (absence-alert to parents, absence and roll-call alerts to staff)
   * are deliberately not here.
   */
  private static final Set<String> HELD_KINDS = union(WITHDRAWABLE_KINDS, NoticeReminders.HELD_KINDS);

  private final LocalTime start;
  private final LocalTime end;
  private final Clock clock;

  QuietHours(@Value("${kehou.reminders.quiet-start:21:30}") LocalTime start,
      @Value("${kehou.reminders.quiet-end:07:00}") LocalTime end, Clock clock) {
    this.start = start;
    this.end = end;
    this.clock = clock;
  }

  public boolean now() {
    return quietAt(LocalTime.now(clock));
  }

  @Override
  public boolean restricts(String kind) {
    return HELD_KINDS.contains(kind);
  }

  /** Trusting the claims of the rest saves a statement per message: a notice to a whole school has thousands. */
  @Override
  public boolean withdrawable(String kind) {
    return WITHDRAWABLE_KINDS.contains(kind);
  }

  @Override
  public LocalDateTime earliest(String kind, LocalDateTime at) {
    if (!HELD_KINDS.contains(kind) || !quietAt(at.toLocalTime())) {
      return at;
    }
    LocalDateTime endToday = at.toLocalDate().atTime(end);
    return endToday.isAfter(at) ? endToday : endToday.plusDays(1);
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new HashSet<>(a);
    all.addAll(b);
    return Set.copyOf(all);
  }

  private boolean quietAt(LocalTime time) {
    // The window usually spans midnight (21:30 to 07:00); a same-day window works too.
    return start.isAfter(end)
        ? !time.isBefore(start) || time.isBefore(end)
        : !time.isBefore(start) && time.isBefore(end);
  }
}
