package org.kehou.core.calendar;

import java.util.Set;

/** The kinds of message the calendar sends guardians. */
public final class CalendarNotices {

  public static final Set<String> KINDS =
      Set.of(CancellationNotices.KIND, CancellationNotices.RESUMED_KIND, SeasonNotices.KIND);

  private CalendarNotices() {
  }
}
