package org.kehou.admin.calendar;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.kehou.core.calendar.DayKind;
import org.kehou.core.calendar.EntryDraft;
import org.kehou.core.offering.Weekday;

/**
 * Body of adding or changing a calendar entry. {@code runsAs} (MON..FRI) is required for WORKDAY (调休上课), optional
 * for CANCELLED (a cancelled 调休 day), refused otherwise; {@code note} is required for CANCELLED: the guardians read it.
 */
record CalendarEntryRequest(@NotNull LocalDate date, @NotNull DayKind kind, Weekday runsAs, String note) {

  EntryDraft toDraft() {
    return new EntryDraft(date, kind, runsAs, note);
  }
}
