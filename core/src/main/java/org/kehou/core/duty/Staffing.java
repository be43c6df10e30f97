package org.kehou.core.duty;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.kehou.core.calendar.DaySessions;
import org.kehou.core.calendar.Session;
import org.kehou.core.calendar.Timetable;
import org.springframework.stereotype.Service;

/**
 * Checks each session's duties against the term's ratios ({@link DutyRule#teachersFor}, {@link DutyRule#managersFor})
 * on the rosters the timetable gives for the date: the children enrolled, less those on leave, exactly as roll call
 * sees them. For a date ahead that is the plan; on the day, after the leave cutoff, it is the actual roster.
 */
@Service
public class Staffing {

  /** The longest range one check covers: two months of dates, each read as roll call reads it. */
  public static final int MAX_DAYS = 62;

  private final Timetable timetable;
  private final DutyMapper mapper;
  private final DutyRules rules;

  Staffing(Timetable timetable, DutyMapper mapper, DutyRules rules) {
    this.timetable = timetable;
    this.mapper = mapper;
    this.rules = rules;
  }

  /** Every short session from {@code from} to {@code to}, by date and start; {@code offeringId} null: all. */
  public List<Shortfall> shortfalls(long schoolId, LocalDate from, LocalDate to, Long offeringId) {
    if (to.isBefore(from) || from.plusDays(MAX_DAYS - 1).isBefore(to)) {
      throw new IllegalArgumentException("from..to must be 1.." + MAX_DAYS + " days");
    }
    List<DutyAssignment> assignments = mapper.assignments(schoolId, from, to);
    List<Shortfall> shortfalls = new ArrayList<>();
    for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
      DaySessions today = timetable.on(schoolId, day);
      if (!today.day().service()) {
        continue;
      }
      DutyRule rule = rules.of(today.day().termId());
      for (Session session : today.sessions()) {
        if (offeringId == null || offeringId == session.offeringId()) {
          check(session, rule, assignments, shortfalls);
        }
      }
    }
    return shortfalls;
  }

  private static void check(Session session, DutyRule rule, List<DutyAssignment> assignments, List<Shortfall> out) {
    int pupils = session.children().size();
    List<Duty> duties = Duties.of(session, assignments);
    int teachers = (int) duties.stream().filter(d -> d.role() == DutyRole.TEACHER).count();
    int managers = duties.size() - teachers;
    int teachersNeeded = rule.teachersFor(pupils);
    int managersNeeded = rule.managersFor(pupils);
    if (teachers < teachersNeeded || managers < managersNeeded) {
      out.add(new Shortfall(session.date(), session.offeringId(), session.offering(), session.startsAt(), pupils,
          teachers, teachersNeeded, managers, managersNeeded));
    }
  }
}
