package org.kehou.core.calendar;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.kehou.core.school.Term;

/** What every entry must satisfy, whether an admin types it or a CSV row brings it. */
final class CalendarRules {

  static final int NOTE_MAX = 200;

  private CalendarRules() {
  }

  static List<DraftProblem> check(Term term, EntryDraft draft) {
    List<DraftProblem> problems = new ArrayList<>();
    if (!term.covers(draft.date())) {
      problems.add(new DraftProblem(CalendarColumn.DATE, "OUTSIDE_TERM",
          Map.of("startsOn", term.startsOn(), "endsOn", term.endsOn())));
    }
    if (draft.kind() == DayKind.WORKDAY && draft.runsAs() == null) {
      problems.add(new DraftProblem(CalendarColumn.RUNS_AS, "RUNS_AS_REQUIRED"));
    }
    // A cancelled 调休 day keeps the weekday it would have run, so the right guardians are told.
    if ((draft.kind() == DayKind.HOLIDAY || draft.kind() == DayKind.BREAK) && draft.runsAs() != null) {
      problems.add(new DraftProblem(CalendarColumn.RUNS_AS, "RUNS_AS_NOT_ALLOWED"));
    }
    if (draft.kind() == DayKind.CANCELLED && draft.note() == null) {
      problems.add(new DraftProblem(CalendarColumn.NOTE, "NOTE_REQUIRED"));
    }
    if (draft.note() != null && draft.note().length() > NOTE_MAX) {
      problems.add(new DraftProblem(CalendarColumn.NOTE, "NOTE_TOO_LONG", Map.of("max", NOTE_MAX)));
    }
    return problems;
  }
}
