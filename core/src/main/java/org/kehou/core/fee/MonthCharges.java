package org.kehou.core.fee;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.kehou.core.calendar.DaySessions;
import org.kehou.core.calendar.RosterChild;
import org.kehou.core.calendar.Session;
import org.kehou.core.calendar.Timetable;
import org.kehou.core.school.SchoolMapper;
import org.kehou.core.school.Term;
import org.springframework.stereotype.Component;

/**
 * Counts a month's service per child from the day's rosters, exactly as roll call sees them: a day the calendar gives
 * no service (holiday, break, cancellation) has no sessions, a 调休 day runs its weekday's, approved leave takes the
 * child off every session that day, and a child counts only between the enrolment's first day and its end (a
 * withdrawal's last day). Each session on the roster counts the term's lessons (its {@link FeeRule}).
 */
@Component
class MonthCharges {

  private final Timetable timetable;
  private final FeeMapper mapper;
  private final FeeRules rules;
  private final SchoolMapper schools;

  MonthCharges(Timetable timetable, FeeMapper mapper, FeeRules rules, SchoolMapper schools) {
    this.timetable = timetable;
    this.mapper = mapper;
    this.rules = rules;
    this.schools = schools;
  }

  /** Every child with at least one session in the month up to {@code upTo} (inclusive), by student id. */
  Map<Long, Charge> of(long schoolId, YearMonth month, LocalDate upTo) {
    LocalDate from = month.atDay(1);
    LocalDate to = month.atEndOfMonth().isBefore(upTo) ? month.atEndOfMonth() : upTo;
    Map<Long, Integer> sessions = new LinkedHashMap<>();
    Map<Long, Long> termOf = new HashMap<>();
    for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
      DaySessions today = timetable.on(schoolId, day);
      if (!today.day().service()) {
        continue;
      }
      for (Session session : today.sessions()) {
        for (RosterChild child : session.children()) {
          sessions.merge(child.studentId(), 1, Integer::sum);
          termOf.put(child.studentId(), today.day().termId());
        }
      }
    }
    Map<Long, Integer> leave = new HashMap<>();
    if (!to.isBefore(from)) {
      mapper.leaveDays(schoolId, from, to).forEach(l -> leave.merge(l.studentId(), 1, Integer::sum));
    }
    Set<Long> hardship = new HashSet<>(mapper.hardshipChildren(schoolId));
    Map<Long, Term> terms = new HashMap<>();
    Map<Long, Charge> charges = new LinkedHashMap<>();
    sessions.forEach((studentId, count) -> {
      long termId = termOf.get(studentId);
      Term term = terms.computeIfAbsent(termId, id -> schools.findTerm(id).orElseThrow());
      FeeRule rule = rules.of(termId);
      charges.put(studentId, new Charge(studentId, termId, count, rule.lessonTenths(),
          leave.getOrDefault(studentId, 0), term.feePerLessonFen(),
          hardship.contains(studentId) ? rule.hardshipPercent() : 0));
    });
    return charges;
  }
}
