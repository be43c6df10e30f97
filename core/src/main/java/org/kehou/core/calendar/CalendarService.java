package org.kehou.core.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.kehou.core.school.Term;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A term's calendar as the school admin keeps it: listed by anyone on the staff, changed by the admin. Changes run read
 * committed: looking for a day's entry then locks no gap, so two admins adding the same day meet at the unique key
 * (409) instead of deadlocking on each other's gap locks.
 */
@Service
public class CalendarService {

  private final CalendarMapper mapper;
  private final CalendarWriter writer;
  private final SchoolCalendar calendar;

  CalendarService(CalendarMapper mapper, CalendarWriter writer, SchoolCalendar calendar) {
    this.mapper = mapper;
    this.writer = writer;
    this.calendar = calendar;
  }

  /** The term's entries between two dates (each defaulting to the term's own). */
  public List<CalendarEntry> entries(long schoolId, long termId, LocalDate from, LocalDate to) {
    Term term = writer.term(schoolId, termId);
    return mapper.entries(termId, from == null ? term.startsOn() : from, to == null ? term.endsOn() : to);
  }

  /** The term's dates between two dates (each defaulting to the term's own) as the service sees them. */
  public List<ServiceDay> days(long schoolId, long termId, LocalDate from, LocalDate to) {
    Term term = writer.term(schoolId, termId);
    LocalDate first = from == null || from.isBefore(term.startsOn()) ? term.startsOn() : from;
    LocalDate last = to == null || to.isAfter(term.endsOn()) ? term.endsOn() : to;
    TermDays days = calendar.forTerm(term, first, last);
    List<ServiceDay> out = new ArrayList<>();
    for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
      out.add(days.day(day));
    }
    return out;
  }

  /** @throws CalendarRefused when the entry breaks a rule or its day has one already */
  @Transactional(isolation = Isolation.READ_COMMITTED)
  public CalendarEntry add(long schoolId, long termId, EntryDraft draft, long staffId) {
    Term term = writer.term(schoolId, termId);
    CalendarWriter.check(term, draft);
    if (mapper.lockOn(termId, draft.date()).isPresent()) {
      throw CalendarRefused.dayTaken(draft.date());
    }
    return writer.add(term, draft, staffId);
  }

  @Transactional(isolation = Isolation.READ_COMMITTED)
  public CalendarEntry change(long schoolId, long termId, long entryId, EntryDraft draft, long staffId) {
    Term term = writer.term(schoolId, termId);
    CalendarEntry old = mapper.lock(entryId, termId).orElseThrow(CalendarRefused::notFound);
    CalendarWriter.check(term, draft);
    if (!draft.date().equals(old.date()) && mapper.lockOn(termId, draft.date()).isPresent()) {
      throw CalendarRefused.dayTaken(draft.date());
    }
    return writer.change(term, old, draft, staffId);
  }

  @Transactional(isolation = Isolation.READ_COMMITTED)
  public void remove(long schoolId, long termId, long entryId, long staffId) {
    Term term = writer.term(schoolId, termId);
    writer.remove(term, mapper.lock(entryId, termId).orElseThrow(CalendarRefused::notFound), staffId);
  }
}
