package org.kehou.core.lifecycle;

import java.time.Clock;
import java.time.LocalTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Reminders never go out at night (default 21:30–07:00); the next run after the quiet hours sends them. */
@Component
class QuietHours {

  private final LocalTime start;
  private final LocalTime end;
  private final Clock clock;

  QuietHours(@Value("${kehou.reminders.quiet-start:21:30}") LocalTime start,
      @Value("${kehou.reminders.quiet-end:07:00}") LocalTime end, Clock clock) {
    this.start = start;
    this.end = end;
    this.clock = clock;
  }

  boolean now() {
    LocalTime time = LocalTime.now(clock);
    // The window usually spans midnight (21:30 to 07:00); a same-day window works too.
    return start.isAfter(end)
        ? !time.isBefore(start) || time.isBefore(end)
        : !time.isBefore(start) && time.isBefore(end);
  }
}
