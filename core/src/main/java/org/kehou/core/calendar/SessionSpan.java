package org.kehou.core.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kehou.core.school.Term;
import org.springframework.stereotype.Component;

/**
 * The sessions of every date of a span of a term, each with its roster and its children on leave, exactly as
 * {@link Timetable} derives them day by day, but read in a handful of queries for the whole span (the seats of the term,
 * its calendar, leave and early leave), which a month's summary or a term's archive needs for every day.
 */
@Component
public class SessionSpan {

  private final SchoolCalendar calendar;
  private final SessionMapper mapper;

  SessionSpan(SchoolCalendar calendar, SessionMapper mapper) {
    this.calendar = calendar;
    this.mapper = mapper;
  }

  /** Every date from {@code from} to {@code to}, both within the term. */
  public List<DayRoll> of(Term term, LocalDate from, LocalDate to) {
    TermDays days = calendar.forTerm(term, from, to);
    List<SessionMapper.SpanSeat> seats = mapper.seatsOfTerm(term.id());
    Map<LocalDate, Set<Long>> leave = new HashMap<>();
    mapper.leaveBetween(term.schoolId(), from, to)
        .forEach(l -> leave.computeIfAbsent(l.day(), d -> new HashSet<>()).add(l.studentId()));
    Map<LocalDate, List<SessionMapper.EarlyLeave>> early = new HashMap<>();
    mapper.earlyLeavesBetween(term.schoolId(), from, to).forEach(e -> early.computeIfAbsent(e.day(),
        d -> new ArrayList<>()).add(new SessionMapper.EarlyLeave(e.studentId(), e.leftAt())));
    Map<Integer, List<TimetableSlot>> slots = new HashMap<>();
    List<DayRoll> rolls = new ArrayList<>();
    for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
      ServiceDay day = days.day(date);
      if (!day.service()) {
        rolls.add(new DayRoll(day, List.of(), Map.of()));
        continue;
      }
      int bit = Timetable.bit(day.runsAs());
      Set<Long> away = leave.getOrDefault(date, Set.of());
      Map<Long, List<RosterChild>> rosters = new LinkedHashMap<>();
      Map<Long, List<RosterChild>> onLeave = new LinkedHashMap<>();
      for (SessionMapper.SpanSeat seat : seats) {
        if (seat.enrolledOn(date, bit)) {
          (away.contains(seat.studentId()) ? onLeave : rosters)
              .computeIfAbsent(seat.offeringId(), id -> new ArrayList<>()).add(seat.asRosterChild());
        }
      }
      List<Session> sessions = new ArrayList<>();
      List<SessionMapper.EarlyLeave> gone = early.getOrDefault(date, List.of());
      for (TimetableSlot slot : slots.computeIfAbsent(bit, b -> mapper.offeringsOn(term.id(), b))) {
        List<RosterChild> roster = Timetable.withoutEarlyLeave(rosters.getOrDefault(slot.offeringId(), List.of()),
            gone, date.atTime(slot.startsAt()));
        sessions.add(new Session(date, slot.offeringId(), slot.name(), slot.kind(), slot.room(), slot.startsAt(),
            Timetable.endOf(term, slot.endsAt(), date), slot.teacherId(), slot.teacherName(), List.copyOf(roster)));
      }
      rolls.add(new DayRoll(day, sessions, onLeave));
    }
    return rolls;
  }
}
