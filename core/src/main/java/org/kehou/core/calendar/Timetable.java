package org.kehou.core.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.kehou.core.offering.Weekday;
import org.kehou.core.school.Term;
import org.springframework.stereotype.Component;

/**
 * The sessions of a date: every offering whose weekdays include the timetable the day runs (a 调休 day runs the
 * weekday it stands in for), each with its roster.
 *
 * <p>Times: a session starts at its offering's start. Its end follows the season when the offering runs to the close
 * of the service, that is when the offering's own end is at or after the earlier of the term's two end times (17:30
 * in winter, 18:00 in summer): such a session ends at the term's end for that date, and that is the pickup time the
 * hand-over works with. An offering that ends earlier (a club hour) keeps its own end in every season.
 */
@Component
public class Timetable {

  private final SchoolCalendar calendar;
  private final SessionMapper mapper;

  Timetable(SchoolCalendar calendar, SessionMapper mapper) {
    this.calendar = calendar;
    this.mapper = mapper;
  }

  public DaySessions on(long schoolId, LocalDate date) {
    return calendar.termOn(schoolId, date).map(term -> {
      ServiceDay day = calendar.forTerm(term, date, date).day(date);
      return new DaySessions(day, day.service() ? sessions(term, date, day.runsAs()) : List.of());
    }).orElseGet(() -> new DaySessions(ServiceDay.outsideTerms(date), List.of()));
  }

  /** The sessions {@code date} runs with the timetable of {@code runsAs}; rosters without the children on leave. */
  List<Session> sessions(Term term, LocalDate date, Weekday runsAs) {
    Map<Long, List<RosterChild>> rosters = new LinkedHashMap<>();
    for (EnrolledChild child : mapper.enrolled(term.id(), date, bit(runsAs))) {
      rosters.computeIfAbsent(child.offeringId(), id -> new ArrayList<>()).add(child.asRosterChild());
    }
    List<Session> sessions = new ArrayList<>();
    List<SessionMapper.EarlyLeave> earlyLeaves = rosters.isEmpty() ? List.of() : mapper.earlyLeaves(term.schoolId(), date);
    for (TimetableSlot slot : mapper.offeringsOn(term.id(), bit(runsAs))) {
      List<RosterChild> roster = withoutApprovedLeave(term, date, rosters.getOrDefault(slot.offeringId(), List.of()));
      roster = withoutEarlyLeave(roster, earlyLeaves, date.atTime(slot.startsAt()));
      sessions.add(new Session(date, slot.offeringId(), slot.name(), slot.kind(), slot.room(), slot.startsAt(),
          endOf(term, slot.endsAt(), date), slot.teacherId(), slot.teacherName(), List.copyOf(roster)));
    }
    return sessions;
  }

  /**
   * Every child enrolled on {@code date} in an offering of {@code runsAs}, once each, leave or not: whom a change to
   * that day (a cancellation) concerns.
   */
  List<Long> enrolledChildren(Term term, LocalDate date, Weekday runsAs) {
    return mapper.enrolled(term.id(), date, bit(runsAs)).stream().map(EnrolledChild::studentId).distinct().toList();
  }

  /**
   * The child as a roster would show it when {@code date} has service and the child is enrolled that day in an offering
   * it runs (leave or not); empty otherwise. Leave (请假) is only for such a day.
   */
  public Optional<RosterChild> enrolledOn(long schoolId, long studentId, LocalDate date) {
    return calendar.termOn(schoolId, date).flatMap(term -> {
      ServiceDay day = calendar.forTerm(term, date, date).day(date);
      return day.service()
          ? mapper.enrolledChild(term.id(), date, bit(day.runsAs()), studentId).map(EnrolledChild::asRosterChild)
          : Optional.empty();
    });
  }

  /** Approved leave (请假, not cancelled) takes a child off every session of that day. */
  private List<RosterChild> withoutApprovedLeave(Term term, LocalDate date, List<RosterChild> enrolled) {
    if (enrolled.isEmpty()) {
      return enrolled;
    }
    Set<Long> onLeave = new HashSet<>(mapper.onLeave(term.schoolId(), date));
    return onLeave.isEmpty() ? enrolled
        : enrolled.stream().filter(child -> !onLeave.contains(child.studentId())).toList();
  }

  /** A child taken early (提前离校) leaves the rest of that day's roll: every session starting at or after it. */
  static List<RosterChild> withoutEarlyLeave(List<RosterChild> roster, List<SessionMapper.EarlyLeave> gone,
      LocalDateTime sessionStart) {
    if (gone.isEmpty()) {
      return roster;
    }
    Set<Long> left = new HashSet<>();
    gone.stream().filter(g -> !g.leftAt().isAfter(sessionStart)).forEach(g -> left.add(g.studentId()));
    return left.isEmpty() ? roster : roster.stream().filter(child -> !left.contains(child.studentId())).toList();
  }

  /** A session's end on a date: see the class comment. */
  static LocalTime endOf(Term term, LocalTime offeringEnds, LocalDate date) {
    return offeringEnds.isBefore(close(term)) ? offeringEnds : term.endsAtOn(date);
  }

  /** From this end time on an offering runs to the close of the service and follows the season. */
  static LocalTime close(Term term) {
    return term.winterEndsAt().isBefore(term.summerEndsAt()) ? term.winterEndsAt() : term.summerEndsAt();
  }

  /** The weekday of a date as offerings know it, null for Saturday and Sunday. */
  static Weekday weekdayOf(LocalDate date) {
    DayOfWeek day = date.getDayOfWeek();
    return day.getValue() <= 5 ? Weekday.values()[day.getValue() - 1] : null;
  }

  static int bit(Weekday weekday) {
    return 1 << weekday.ordinal();
  }
}
