package org.kehou.core.duty;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kehou.core.calendar.DaySessions;
import org.kehou.core.calendar.Session;
import org.kehou.core.calendar.Timetable;
import org.kehou.core.duty.DutyRefused.Kind;
import org.kehou.core.staff.Staff;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signing in and out of a duty. A staff member signs their own duties; a school admin may record one for a colleague
 * (a phone left at home), with their own id as the recorder. A sign-in is taken from the rule's window before the
 * start until the session's end, a sign-out after the sign-in until the end of that day; each once, never changed.
 * A late sign-in or an early sign-out is recorded as it happened: the sheet then leaves the session unpaid.
 */
@Service
public class DutySigns {

  private final Timetable timetable;
  private final DutyMapper mapper;
  private final DutyRules rules;
  private final Clock clock;

  DutySigns(Timetable timetable, DutyMapper mapper, DutyRules rules, Clock clock) {
    this.timetable = timetable;
    this.mapper = mapper;
    this.rules = rules;
    this.clock = clock;
  }

  @Transactional
  public SessionDuty signIn(Staff me, long staffId, long offeringId, LocalDate date, SignChannel channel) {
    Found found = find(me, staffId, offeringId, date);
    LocalDateTime now = LocalDateTime.now(clock);
    LocalDateTime start = date.atTime(found.session().startsAt());
    if (now.isBefore(start.minusMinutes(found.rule().signInOpensMinutes()))) {
      throw new DutyRefused(Kind.TOO_EARLY, "duty.staff.tooEarly", Map.of("offering", found.session().offering(),
          "opensAt", found.session().startsAt().minusMinutes(found.rule().signInOpensMinutes())));
    }
    if (!now.isBefore(date.atTime(found.session().endsAt()))) {
      throw new DutyRefused(Kind.SESSION_OVER, "duty.staff.sessionOver", Map.of("offering", found.session().offering()));
    }
    if (mapper.insertSign(me.schoolId(), offeringId, date, staffId, "IN", found.duty().role(), now, channel,
        me.id()) == 0) {
      throw already(found);
    }
    return view(found);
  }

  @Transactional
  public SessionDuty signOut(Staff me, long staffId, long offeringId, LocalDate date, SignChannel channel) {
    Found found = find(me, staffId, offeringId, date);
    LocalDateTime now = LocalDateTime.now(clock);
    List<DutySign> signs = mapper.signsOf(offeringId, date, staffId);
    Optional<DutySign> in = signs.stream().filter(DutySign::signIn).findFirst();
    if (in.isEmpty()) {
      throw new DutyRefused(Kind.NOT_SIGNED_IN, "duty.staff.notSignedIn", Map.of("offering", found.session().offering()));
    }
    if (now.toLocalDate().isAfter(date)) {
      throw new DutyRefused(Kind.DAY_OVER, "duty.staff.dayOver", Map.of());
    }
    if (mapper.insertSign(me.schoolId(), offeringId, date, staffId, "OUT", in.get().role(), now, channel,
        me.id()) == 0) {
      throw already(found);
    }
    return view(found);
  }

  /**
   * {@code 签到} in the chat: the caller's first duty today not yet signed in whose sign-in window is open; when none
   * is open, the refusal of the next one (too early) or that nothing is left.
   */
  @Transactional
  public SessionDuty signInNext(Staff me, SignChannel channel) {
    LocalDateTime now = LocalDateTime.now(clock);
    List<SessionDuty> open = mine(me, now.toLocalDate()).stream().filter(d -> d.signedInAt() == null)
        .filter(d -> now.isBefore(d.date().atTime(d.endsAt()))).toList();
    if (open.isEmpty()) {
      throw new DutyRefused(Kind.NOTHING_TO_SIGN, "duty.staff.nothingToSignIn", Map.of());
    }
    SessionDuty next = open.get(0);
    return signIn(me, me.id(), next.offeringId(), next.date(), channel);
  }

  /** {@code 签退} in the chat: the caller's first duty today signed in and not yet out. */
  @Transactional
  public SessionDuty signOutNext(Staff me, SignChannel channel) {
    LocalDate today = LocalDate.now(clock);
    SessionDuty next = mine(me, today).stream().filter(d -> d.signedInAt() != null && d.signedOutAt() == null)
        .findFirst()
        .orElseThrow(() -> new DutyRefused(Kind.NOTHING_TO_SIGN, "duty.staff.nothingToSignOut", Map.of()));
    return signOut(me, me.id(), next.offeringId(), next.date(), channel);
  }

  /** The caller's duties on a date with what they signed, by start time. */
  public List<SessionDuty> mine(Staff me, LocalDate date) {
    DaySessions day = timetable.on(me.schoolId(), date);
    List<DutyAssignment> assignments = mapper.assignments(me.schoolId(), date, date);
    List<SessionDuty> mine = new ArrayList<>();
    for (Session session : day.sessions()) {
      Duties.of(session, assignments).stream().filter(d -> d.staffId() == me.id()).findFirst()
          .ifPresent(d -> mine.add(view(new Found(session, d, rules.of(day.day().termId())))));
    }
    mine.sort(Comparator.comparing(SessionDuty::startsAt));
    return mine;
  }

  /** Every duty of a session with its signs: the school admin, or a staff member on duty in it. */
  public List<SessionDuty> ofSession(Staff me, long offeringId, LocalDate date) {
    DaySessions day = timetable.on(me.schoolId(), date);
    Session session = session(day, offeringId, date);
    List<Duty> duties = Duties.of(session, mapper.assignments(me.schoolId(), date, date));
    if (!me.isAdmin() && duties.stream().noneMatch(d -> d.staffId() == me.id())) {
      throw new DutyRefused(Kind.NOT_YOURS, "duty.staff.notYours", Map.of());
    }
    DutyRule rule = rules.of(day.day().termId());
    return duties.stream().map(d -> view(new Found(session, d, rule))).toList();
  }

  private record Found(Session session, Duty duty, DutyRule rule) {
  }

  private Found find(Staff me, long staffId, long offeringId, LocalDate date) {
    if (staffId != me.id() && !me.isAdmin()) {
      throw new DutyRefused(Kind.NOT_YOURS, "duty.staff.notYours", Map.of());
    }
    DaySessions day = timetable.on(me.schoolId(), date);
    Session session = session(day, offeringId, date);
    Duty duty = Duties.of(session, mapper.assignments(me.schoolId(), date, date)).stream()
        .filter(d -> d.staffId() == staffId).findFirst()
        .orElseThrow(() -> new DutyRefused(Kind.NOT_ON_DUTY, "duty.staff.notOnDuty",
            Map.of("offering", session.offering())));
    return new Found(session, duty, rules.of(day.day().termId()));
  }

  private static Session session(DaySessions day, long offeringId, LocalDate date) {
    return day.sessions().stream().filter(s -> s.offeringId() == offeringId).findFirst()
        .orElseThrow(() -> new DutyRefused(Kind.NO_SESSION, "duty.staff.noSession", Map.of("date", date)));
  }

  private DutyRefused already(Found found) {
    return new DutyRefused(Kind.ALREADY_SIGNED, "duty.staff.alreadySigned",
        Map.of("offering", found.session().offering()));
  }

  private SessionDuty view(Found found) {
    Session s = found.session();
    List<DutySign> signs = mapper.signsOf(s.offeringId(), s.date(), found.duty().staffId());
    DutySign in = signs.stream().filter(DutySign::signIn).findFirst().orElse(null);
    DutySign out = signs.stream().filter(x -> !x.signIn()).findFirst().orElse(null);
    LocalDateTime start = s.date().atTime(s.startsAt());
    LocalDateTime end = s.date().atTime(s.endsAt());
    DutyRule rule = found.rule();
    boolean late = in != null && in.at().isAfter(start.plusMinutes(rule.signInGraceMinutes()));
    boolean early = out != null && out.at().isBefore(end.minusMinutes(rule.signOutEarlyMinutes()));
    return new SessionDuty(s.date(), s.offeringId(), s.offering(), s.startsAt(), s.endsAt(), found.duty().staffId(),
        found.duty().staffName(), in == null ? found.duty().role() : in.role(), found.duty().assignmentId() == null,
        in == null ? null : in.at(), in == null ? null : in.channel(), out == null ? null : out.at(),
        out == null ? null : out.channel(), late, early);
  }
}
