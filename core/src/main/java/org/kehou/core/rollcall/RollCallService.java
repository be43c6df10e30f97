package org.kehou.core.rollcall;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kehou.core.calendar.RosterChild;
import org.kehou.core.calendar.Session;
import org.kehou.core.calendar.Timetable;
import org.kehou.core.rollcall.RollCallRefused.Kind;
import org.kehou.core.staff.Staff;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The roll call of a session (offering × date). Its teacher or a school admin takes it from the session's start and
 * may correct it for the rest of that day. Every save appends marks; the latest mark of a child is its current one.
 * A child newly marked absent opens an absence case in the same transaction; marked present again, the open case
 * closes as a mistake.
 */
@Service
public class RollCallService {

  private final Timetable timetable;
  private final RollCallMapper mapper;
  private final AbsenceCases cases;
  private final Clock clock;

  RollCallService(Timetable timetable, RollCallMapper mapper, AbsenceCases cases, Clock clock) {
    this.timetable = timetable;
    this.mapper = mapper;
    this.cases = cases;
    this.clock = clock;
  }

  @Transactional
  public RollCall take(Staff me, long offeringId, LocalDate date, RollCallInput input) {
    Session session = session(me, offeringId, date);
    if (!me.isAdmin() && !Long.valueOf(me.id()).equals(session.teacherId())) {
      throw new RollCallRefused(Kind.NOT_YOURS, "rollcall.notYours", Map.of());
    }
    LocalDateTime now = LocalDateTime.now(clock);
    if (now.isBefore(date.atTime(session.startsAt()))) {
      throw new RollCallRefused(Kind.NOT_STARTED, "rollcall.notStarted", Map.of("startsAt", session.startsAt()));
    }
    if (now.toLocalDate().isAfter(date)) {
      throw new RollCallRefused(Kind.DAY_OVER, "rollcall.dayOver", Map.of());
    }
    Map<Long, RosterChild> roster = new LinkedHashMap<>();
    session.children().forEach(child -> roster.put(child.studentId(), child));
    Map<Long, Boolean> wanted = wanted(input, roster, me.schoolId());
    mapper.lockOffering(offeringId);
    Map<Long, Boolean> current = current(mapper.marks(offeringId, date));
    for (Map.Entry<Long, Boolean> mark : wanted.entrySet()) {
      Boolean before = current.get(mark.getKey());
      boolean present = mark.getValue();
      if (before != null && before == present) {
        continue; // the same mark again says nothing new
      }
      mapper.mark(me.schoolId(), offeringId, date, mark.getKey(), present, me.id(), now);
      RosterChild child = roster.get(mark.getKey());
      if (!present) {
        cases.open(session, child, me, now);
      } else if (before != null) {
        cases.closeAsMistake(session, child, me, now);
      }
    }
    return read(session, date);
  }

  public RollCall read(Staff me, long offeringId, LocalDate date) {
    Session session = session(me, offeringId, date);
    boolean teaches = Long.valueOf(me.id()).equals(session.teacherId());
    RollCall all = read(session, date);
    if (me.isAdmin() || teaches) {
      return all;
    }
    Set<Long> own = new LinkedHashSet<>();
    session.children().stream().filter(c -> Long.valueOf(me.id()).equals(c.classTeacherId()))
        .forEach(c -> own.add(c.studentId()));
    if (own.isEmpty()) {
      throw new RollCallRefused(Kind.NOT_YOURS, "rollcall.notYours", Map.of());
    }
    return new RollCall(all.offeringId(), all.offering(), all.date(), all.startsAt(), all.taken(),
        all.children().stream().filter(c -> own.contains(c.studentId())).toList());
  }

  private RollCall read(Session session, LocalDate date) {
    Map<Long, List<Mark>> history = new HashMap<>();
    List<Mark> marks = mapper.marks(session.offeringId(), date);
    marks.forEach(m -> history.computeIfAbsent(m.studentId(), id -> new ArrayList<>()).add(m));
    List<RollCall.ChildMarks> children = new ArrayList<>();
    for (RosterChild child : session.children()) {
      List<Mark> own = history.getOrDefault(child.studentId(), List.of());
      children.add(new RollCall.ChildMarks(child.studentId(), child.name(), child.className(),
          own.isEmpty() ? null : own.get(own.size() - 1).present(), List.copyOf(own)));
    }
    return new RollCall(session.offeringId(), session.offering(), date, session.startsAt(), !marks.isEmpty(),
        children);
  }

  private Session session(Staff me, long offeringId, LocalDate date) {
    return timetable.on(me.schoolId(), date).sessions().stream().filter(s -> s.offeringId() == offeringId)
        .findFirst()
        .orElseThrow(() -> new RollCallRefused(Kind.NO_SESSION, "rollcall.noSession", Map.of("date", date)));
  }

  /** The marks a save asks for, every child named checked against the roster first. */
  private Map<Long, Boolean> wanted(RollCallInput input, Map<Long, RosterChild> roster, long schoolId) {
    Map<Long, Boolean> wanted = new LinkedHashMap<>();
    if (input.allPresentExcept() != null) {
      if (input.present() != null || input.absent() != null) {
        throw invalid();
      }
      onRoster(input.allPresentExcept(), roster, schoolId);
      roster.keySet().forEach(id -> wanted.put(id, !input.allPresentExcept().contains(id)));
      return wanted;
    }
    List<Long> present = input.present() == null ? List.of() : input.present();
    List<Long> absent = input.absent() == null ? List.of() : input.absent();
    if (present.isEmpty() && absent.isEmpty() || present.stream().anyMatch(absent::contains)) {
      throw invalid();
    }
    onRoster(present, roster, schoolId);
    onRoster(absent, roster, schoolId);
    present.forEach(id -> wanted.put(id, true));
    absent.forEach(id -> wanted.put(id, false));
    return wanted;
  }

  private void onRoster(List<Long> ids, Map<Long, RosterChild> roster, long schoolId) {
    List<Long> strangers = ids.stream().filter(id -> id == null || !roster.containsKey(id)).distinct().toList();
    if (!strangers.isEmpty()) {
      throw new RollCallRefused(Kind.NOT_ON_ROSTER, "rollcall.notOnRoster",
          Map.of("children", strangers.stream().map(String::valueOf).toList(), "names", names(strangers, schoolId)));
    }
  }

  private String names(List<Long> ids, long schoolId) {
    List<String> names = new ArrayList<>();
    for (Long id : ids) {
      names.add(id == null ? "null"
          : mapper.studentName(id, schoolId).map(n -> n + "（" + id + "）").orElse(String.valueOf(id)));
    }
    return String.join("、", names);
  }

  private static RollCallRefused invalid() {
    return new RollCallRefused(Kind.INVALID, "rollcall.invalid", Map.of());
  }

  private static Map<Long, Boolean> current(List<Mark> marks) {
    Map<Long, Boolean> current = new HashMap<>();
    marks.forEach(m -> current.put(m.studentId(), m.present()));
    return current;
  }
}
