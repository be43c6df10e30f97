package org.kehou.core.calendar;

import java.time.LocalDate;
import org.kehou.core.offering.Weekday;

/** A calendar entry as an admin or a CSV row gives it, not yet checked against the term. */
public record EntryDraft(LocalDate day, DayKind kind, Weekday runsAs, String note) {

  public EntryDraft {
    note = note == null || note.isBlank() ? null : note.strip();
  }

  /** Same day, kind and timetable: only the note may differ, so nothing about who is told changes. */
  boolean sameDayAs(CalendarEntry entry) {
    return day.equals(entry.day()) && kind == entry.kind() && runsAs == entry.runsAs();
  }
}
