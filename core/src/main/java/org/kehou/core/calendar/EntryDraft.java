package org.kehou.core.calendar;

import java.time.LocalDate;
import org.kehou.core.offering.Weekday;

/** A calendar entry as an admin or a CSV row gives it, not yet checked against the term. */
public record EntryDraft(LocalDate date, DayKind kind, Weekday runsAs, String note) {

  public EntryDraft {
    note = note == null || note.isBlank() ? null : note.strip();
  }

  /** Same day, kind and timetable: only the note may differ, so nothing about who is told changes. */
  boolean sameDayAs(CalendarEntry entry) {
    return date.equals(entry.date()) && kind == entry.kind() && runsAs == entry.runsAs();
  }
}
