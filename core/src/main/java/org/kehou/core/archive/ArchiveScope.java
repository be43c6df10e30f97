package org.kehou.core.archive;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiFunction;
import org.kehou.core.records.DayRecord;
import org.kehou.core.school.School;
import org.kehou.core.school.Term;

/**
 * What an archive is built for: the school, the term, the moment, and the term's attendance up to the last day that
 * is over (or the term's end), read once and shared by every part that needs it.
 */
public final class ArchiveScope {

  private final School school;
  private final Term term;
  private final LocalDateTime builtAt;
  private final LocalDate lastDay;
  private final BiFunction<LocalDate, LocalDate, List<DayRecord>> load;
  private final Map<YearMonth, List<DayRecord>> months = new HashMap<>();

  /** @param load reads the attendance of the days from the first date to the second */
  ArchiveScope(School school, Term term, LocalDateTime builtAt, BiFunction<LocalDate, LocalDate, List<DayRecord>> load) {
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

  /** Every date of the term up to {@link #lastDay()} with its sessions' attendance (each month read once). */
  public List<DayRecord> attendance() {
    return attendance(term.startsOn(), lastDay);
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

  /**
   * The attendance of the days from {@code from} to {@code to} within the archive. It is read a month at a time, the
   * first time a part asks for it, and kept for the other parts: every month's query stays small.
   */
  public synchronized List<DayRecord> attendance(LocalDate from, LocalDate to) {
    LocalDate first = from.isBefore(term.startsOn()) ? term.startsOn() : from;
    LocalDate last = to.isAfter(lastDay) ? lastDay : to;
    List<DayRecord> days = new ArrayList<>();
    for (YearMonth m = YearMonth.from(first); !first.isAfter(last) && !m.isAfter(YearMonth.from(last));
        m = m.plusMonths(1)) {
      YearMonth month = m;
      List<DayRecord> ofMonth = months.computeIfAbsent(month, k -> load.apply(
          later(month.atDay(1), term.startsOn()), earlier(month.atEndOfMonth(), lastDay)));
      ofMonth.stream().filter(d -> !d.date().isBefore(first) && !d.date().isAfter(last)).forEach(days::add);
    }
    return days;
  }

  private static LocalDate later(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }

  private static LocalDate earlier(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }
}
