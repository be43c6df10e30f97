package org.kehou.core.calendar;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;
import org.kehou.core.GeneratedId;
import org.kehou.core.school.SchoolMapper;
import org.kehou.core.school.Term;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Every change to a term's calendar, from the API or a CSV import, in the caller's transaction: entries are checked
 * against the term, and a cancellation's guardians are told, or told it is off, as the change requires.
 */
@Component
class CalendarWriter {

  private final CalendarMapper mapper;
  private final SchoolMapper schools;
  private final SchoolCalendar calendar;
  private final CancellationNotices cancellations;
  private final Clock clock;

  CalendarWriter(CalendarMapper mapper, SchoolMapper schools, SchoolCalendar calendar,
      CancellationNotices cancellations, Clock clock) {
    this.mapper = mapper;
    this.schools = schools;
    this.calendar = calendar;
    this.cancellations = cancellations;
    this.clock = clock;
  }

  /** The school's term; another school's is as absent as one that does not exist. */
  Term term(long schoolId, long termId) {
    return schools.findTerm(termId).filter(t -> t.schoolId() == schoolId).orElseThrow(CalendarRefused::termNotFound);
  }

  static void check(Term term, EntryDraft draft) {
    List<DraftProblem> problems = CalendarRules.check(term, draft);
    if (!problems.isEmpty()) {
      throw CalendarRefused.invalid(problems.get(0));
    }
  }

  /** A new entry for a day that has none. A cancellation whose notice time has come is told now. */
  CalendarEntry add(Term term, EntryDraft draft, Long staffId) {
    LocalDateTime now = LocalDateTime.now(clock);
    LocalDateTime notifyAt = draft.kind() == DayKind.CANCELLED ? cancellations.notifyAt(draft.date(), now) : null;
    GeneratedId key = new GeneratedId();
    try {
      mapper.insert(term.schoolId(), term.id(), draft, notifyAt, staffId, now, key);
    } catch (DuplicateKeyException e) {
      throw CalendarRefused.dayTaken(draft.date());
    }
    CalendarEntry entry = mapper.find(key.value()).orElseThrow();
    if (notifyAt != null && !notifyAt.isAfter(now)) {
      cancellations.tell(term, entry, now);
    }
    return mapper.find(key.value()).orElseThrow();
  }

  /**
   * Changing only the note keeps the entry (a cancellation's guardians are not told again). Any other change retires
   * the entry and adds the new one, each with its consequences for the guardians.
   */
  CalendarEntry change(Term term, CalendarEntry old, EntryDraft draft, Long staffId) {
    if (draft.sameDayAs(old)) {
      if (!Objects.equals(draft.note(), old.note())) {
        mapper.changeNote(old.id(), draft.note(), staffId, LocalDateTime.now(clock));
      }
      return mapper.find(old.id()).orElseThrow();
    }
    mapper.remove(old.id(), staffId, LocalDateTime.now(clock));
    CalendarEntry added = add(term, draft, staffId);
    retract(term, old);
    return added;
  }

  void remove(Term term, CalendarEntry old, Long staffId) {
    mapper.remove(old.id(), staffId, LocalDateTime.now(clock));
    retract(term, old);
  }

  /** Runs after the calendar changed, so that whether the day now has service is read from the new calendar. */
  private void retract(Term term, CalendarEntry old) {
    if (old.kind() == DayKind.CANCELLED) {
      ServiceDay dayNow = calendar.forTerm(term, old.date(), old.date()).day(old.date());
      cancellations.retract(term, old, dayNow, LocalDate.now(clock));
    }
  }
}
