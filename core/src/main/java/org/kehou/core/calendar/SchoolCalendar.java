package org.kehou.core.calendar;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.kehou.core.school.Term;
import org.springframework.stereotype.Component;

/** For any date: whether the school runs the service, with which weekday's timetable, and until when. */
@Component
public class SchoolCalendar {

  private final CalendarMapper mapper;

  SchoolCalendar(CalendarMapper mapper) {
    this.mapper = mapper;
  }

  public ServiceDay on(long schoolId, LocalDate day) {
    return termOn(schoolId, day).map(term -> forTerm(term, day, day).day(day))
        .orElseGet(() -> ServiceDay.outsideTerms(day));
  }

  /** The term a date lies in (terms of a school do not overlap; should they, the later one counts). */
  public Optional<Term> termOn(long schoolId, LocalDate day) {
    return mapper.termOn(schoolId, day);
  }

  /** A term's days from {@code from} to {@code to}, its entries read in one query. */
  public TermDays forTerm(Term term, LocalDate from, LocalDate to) {
    return new TermDays(term, from, to, to.isBefore(from) ? List.of() : mapper.entries(term.id(), from, to));
  }
}
