package org.kehou.core.archive;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.kehou.core.records.DayRecord;
import org.kehou.core.school.School;
import org.kehou.core.school.Term;

/**
 * What an archive is built for: the school, the term, the moment, and the term's attendance up to the last day that
 * is over (or the term's end), computed once and shared by every part that needs it.
 */
public final class ArchiveScope {

  private final School school;
  private final Term term;
  private final LocalDateTime builtAt;
  private final LocalDate lastDay;
  private final Function<LocalDate, List<DayRecord>> load;
  private List<DayRecord> attendance;

  /** @param load reads the attendance from the term's first day to the day it is given */
  ArchiveScope(School school, Term term, LocalDateTime builtAt, Function<LocalDate, List<DayRecord>> load) {
    this.school = school;
    this.term = term;
    this.builtAt = builtAt;
    LocalDate yesterday = builtAt.toLocalDate().minusDays(1);
    this.lastDay = term.endsOn().isBefore(yesterday) ? term.endsOn() : yesterday;
    this.load = load;
  }

  public School school() {
    return school;
  }

  public Term term() {
    return term;
  }

  public LocalDateTime builtAt() {
    return builtAt;
  }

  /** The last day the archive's attendance covers: yesterday while the term runs, else its last day. */
  public LocalDate lastDay() {
    return lastDay;
  }

  /** Every date of the term up to {@link #lastDay()} with its sessions' attendance (read once). */
  public synchronized List<DayRecord> attendance() {
    if (attendance == null) {
      attendance = lastDay.isBefore(term.startsOn()) ? List.of() : load.apply(lastDay);
    }
    return attendance;
  }

  /** The months the archive covers, first to last. */
  public List<YearMonth> months() {
    List<YearMonth> months = new ArrayList<>();
    for (YearMonth m = YearMonth.from(term.startsOn()); !lastDay.isBefore(term.startsOn())
        && !m.isAfter(YearMonth.from(lastDay)); m = m.plusMonths(1)) {
      months.add(m);
    }
    return months;
  }

  /** The Mondays of the weeks the archive covers. */
  public List<LocalDate> weeks() {
    List<LocalDate> weeks = new ArrayList<>();
    for (LocalDate monday = term.startsOn().with(DayOfWeek.MONDAY); !monday.isAfter(lastDay);
        monday = monday.plusWeeks(1)) {
      weeks.add(monday);
    }
    return weeks;
  }

  /** The attendance of the days from {@code from} to {@code to} within the archive. */
  public List<DayRecord> attendance(LocalDate from, LocalDate to) {
    return attendance().stream().filter(d -> !d.date().isBefore(from) && !d.date().isAfter(to)).toList();
  }
}
