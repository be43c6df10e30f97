package org.kehou.core.rollcall;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kehou.core.GeneratedId;
import org.kehou.core.calendar.RosterChild;
import org.kehou.core.calendar.Session;
import org.kehou.core.outbox.Outbox;
import org.kehou.core.outbox.Recipient;
import org.kehou.core.rollcall.RollCallRefused.Kind;
import org.kehou.core.staff.Staff;
import org.kehou.core.text.Texts;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Absence cases: opened by a roll call that marks a child absent, told to the guardians at once (the absence-alert
 * kind is not held by the quiet hours) and to the class teacher and the session's teacher, open until staff record an
 * outcome. Every step is a row of the case's timeline.
 */
@Service
public class AbsenceCases {

  public static final String KIND = "absence-alert";
  /** The staff kinds: a case opened (class teacher, session's teacher), a case left open too long (school admins). */
  static final String STAFF_ALERT = "absence";
  static final String ESCALATION_ALERT = "absence-escalated";
  public static final String OPENED = "OPENED";
  public static final String GUARDIANS_MESSAGED = "GUARDIANS_MESSAGED";
  public static final String STAFF_TOLD = "STAFF_TOLD";
  public static final String GUARDIAN_REPLY = "GUARDIAN_REPLY";
  public static final String ESCALATED = "ESCALATED";
  public static final String CLOSED = "CLOSED";

  private final AbsenceCaseMapper mapper;
  private final Outbox outbox;
  private final StaffAlerting staff;
  private final Texts texts;
  private final Clock clock;

  AbsenceCases(AbsenceCaseMapper mapper, Outbox outbox, StaffAlerting staff, Texts texts, Clock clock) {
    this.mapper = mapper;
    this.outbox = outbox;
    this.staff = staff;
    this.texts = texts;
    this.clock = clock;
  }

  /** In the roll call's transaction, under the offering's lock: at most one open case per child and session. */
  @Transactional(propagation = Propagation.MANDATORY)
  void open(Session session, RosterChild child, Staff me, LocalDateTime now) {
    if (mapper.openFor(session.offeringId(), session.date(), child.studentId()).isPresent()) {
      return;
    }
    GeneratedId key = new GeneratedId();
    mapper.open(me.schoolId(), session.offeringId(), session.date(), child.studentId(), me.id(), now, key);
    long caseId = key.value();
    mapper.event(caseId, OPENED, now, me.id(), null, null);
    Map<String, Object> values = Map.of("child", child.name(), "className", child.className(),
        "offering", session.offering(), "date", session.date(), "startsAt", session.startsAt());
    Map<String, String> fields = Map.of("child", child.name(), "offering", session.offering(),
        "date", session.date().toString(), "startsAt", session.startsAt().toString());
    String body = texts.message("absence.alert", values);
    List<Long> guardians = mapper.guardians(child.studentId());
    for (long guardian : guardians) {
      outbox.enqueue(new Recipient(me.schoolId(), guardian, child.studentId()), KIND, KIND + ":" + caseId, body,
          fields);
      mapper.event(caseId, GUARDIANS_MESSAGED, now, null, guardian, body);
    }
    Set<Long> told = staff.recipients(me.schoolId(), false, child.classTeacherId(), session.teacherId());
    Map<String, String> staffFields = Map.of("child", child.name(), "className", child.className(),
        "offering", session.offering(), "date", session.date().toString(), "startsAt", session.startsAt().toString());
    staff.tell(told, STAFF_ALERT, STAFF_ALERT + ":" + caseId, texts.message("notice.absenceOpened", values),
        staffFields);
    mapper.event(caseId, STAFF_TOLD, now, null, null, told.toString());
  }

  @Transactional(propagation = Propagation.MANDATORY)
  void closeAsMistake(Session session, RosterChild child, Staff me, LocalDateTime now) {
    mapper.openFor(session.offeringId(), session.date(), child.studentId()).ifPresent(id -> {
      if (mapper.close(id, me.id(), Outcome.MARKED_PRESENT_BY_MISTAKE.name(), null, now) == 1) {
        mapper.event(id, CLOSED, now, me.id(), null, Outcome.MARKED_PRESENT_BY_MISTAKE.name());
      }
    });
  }

  /** Staff who may see the case close it with what they found out. */
  @Transactional
  public CaseTimeline recordOutcome(Staff me, long caseId, Outcome outcome, String note) {
    String text = note == null || note.isBlank() ? null : note.strip();
    if (outcome == null || outcome == Outcome.MARKED_PRESENT_BY_MISTAKE || outcome == Outcome.OTHER && text == null
        || text != null && text.length() > 500) {
      throw new RollCallRefused(Kind.INVALID, "absence.outcomeInvalid", Map.of());
    }
    AbsenceCase found = mapper.lock(caseId).filter(c -> c.schoolId() == me.schoolId())
        .filter(c -> c.visibleTo(me.id(), me.isAdmin()))
        .orElseThrow(() -> new RollCallRefused(Kind.NO_SESSION, "absence.notFound", Map.of()));
    LocalDateTime now = LocalDateTime.now(clock);
    if (mapper.close(found.id(), me.id(), outcome.name(), text, now) != 1) {
      throw new RollCallRefused(Kind.CASE_CLOSED, "absence.closed", Map.of());
    }
    mapper.event(found.id(), CLOSED, now, me.id(), null, text == null ? outcome.name() : outcome.name() + ": " + text);
    return timeline(me, caseId);
  }

  public List<AbsenceCase> ofDay(Staff me, LocalDate date) {
    return mapper.ofDay(me.schoolId(), date, me.id(), me.isAdmin());
  }

  public CaseTimeline timeline(Staff me, long caseId) {
    AbsenceCase found = mapper.find(caseId).filter(c -> c.schoolId() == me.schoolId())
        .filter(c -> c.visibleTo(me.id(), me.isAdmin()))
        .orElseThrow(() -> new RollCallRefused(Kind.NO_SESSION, "absence.notFound", Map.of()));
    return new CaseTimeline(found, mapper.timeline(caseId));
  }

  /**
   * A guardian's chat text while a case about one of their children is open joins every such case.
   * @return the names of the children whose cases took it; empty when no case is open
   */
  @Transactional
  public List<String> attachReply(long guardianId, String text) {
    LocalDateTime now = LocalDateTime.now(clock);
    String kept = text.length() > 1000 ? text.substring(0, 1000) : text;
    List<String> children = new java.util.ArrayList<>();
    for (long id : mapper.openForGuardian(guardianId)) {
      mapper.event(id, GUARDIAN_REPLY, now, null, guardianId, kept);
      mapper.find(id).map(AbsenceCase::studentName).filter(n -> !children.contains(n)).ifPresent(children::add);
    }
    return children;
  }

  public boolean hasOpenCase(long guardianId) {
    return !mapper.openForGuardian(guardianId).isEmpty();
  }

  /** One transaction per case; the conditional update lets one run (or node) escalate it once. */
  void escalate(long caseId, LocalDateTime now, long minutes) {
    if (mapper.escalate(caseId, now) != 1) {
      return;
    }
    AbsenceCase found = mapper.find(caseId).orElseThrow();
    Map<String, Object> values = Map.of("child", found.studentName(), "className", found.className(),
        "offering", found.offering(), "date", found.date(), "minutes", minutes);
    Map<String, String> fields = Map.of("child", found.studentName(), "className", found.className(),
        "offering", found.offering(), "date", found.date().toString(), "minutes", String.valueOf(minutes));
    staff.tell(staff.recipients(found.schoolId(), true), ESCALATION_ALERT, ESCALATION_ALERT + ":" + caseId,
        texts.message("notice.absenceEscalated", values), fields);
    mapper.event(caseId, ESCALATED, now, null, null, null);
  }

  List<Long> dueForEscalation(LocalDateTime cutoff) {
    return mapper.dueForEscalation(cutoff);
  }
}
