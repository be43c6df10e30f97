package org.kehou.core.handover;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.kehou.core.GeneratedId;
import org.kehou.core.calendar.RosterChild;
import org.kehou.core.calendar.Session;
import org.kehou.core.calendar.Timetable;
import org.kehou.core.handover.HandoverRefused.Kind;
import org.kehou.core.lifecycle.GuardianNotices;
import org.kehou.core.pickup.HomeAlone;
import org.kehou.core.pickup.PickupAdult;
import org.kehou.core.pickup.PickupAdults;
import org.kehou.core.rollcall.RollCall;
import org.kehou.core.rollcall.RollCallService;
import org.kehou.core.staff.Staff;
import org.kehou.core.text.Texts;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The end of a session (学生交接) and early leave (提前离校): the session's teacher (or a school admin) records, for
 * each child present, which authorised adult took them and when, or that they went home alone under a signed
 * permission. Anyone not authorised is refused with the list of who is. A correction is a new record naming the one it
 * corrects. Each record tells every guardian of the child who took them and when.
 */
@Service
public class Handovers {

  public static final String HANDED_OVER = "handed-over";
  public static final String EARLY_LEAVE = "early-leave";
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

  /**
   * A child of the session: the roll call's mark, the departure that counts (null: still there) and every record, and
   * who may take the child ({@code collectors}: the guardians first) or whether a signed permission lets them go home
   * alone ({@code homeAlone}), so that the gate picks from the list instead of learning it from a refusal.
   */
  public record ChildDeparture(long studentId, String name, String className, Boolean present, Departure latest,
      List<Departure> history, List<Collectable> collectors, boolean homeAlone) {
  }

  public record SessionDepartures(long offeringId, String offering, LocalDate date, LocalTime endsAt,
      List<ChildDeparture> children) {
  }

  private final Timetable timetable;
  private final RollCallService rollCalls;
  private final PickupAdults pickup;
  private final HomeAlone homeAlone;
  private final HandoverMapper mapper;
  private final GuardianNotices notices;
  private final Texts texts;
  private final Clock clock;

  Handovers(Timetable timetable, RollCallService rollCalls, PickupAdults pickup, HomeAlone homeAlone,
      HandoverMapper mapper, GuardianNotices notices, Texts texts, Clock clock) {
    this.timetable = timetable;
    this.rollCalls = rollCalls;
    this.pickup = pickup;
    this.homeAlone = homeAlone;
    this.mapper = mapper;
    this.notices = notices;
    this.texts = texts;
    this.clock = clock;
  }

  /** The child leaves at the end of the session with this collector (or alone, under a signed permission). */
  @Transactional
  public SessionDepartures handOver(Staff me, long offeringId, LocalDate date, long studentId, Collector collector) {
    return record(me, offeringId, date, studentId, collector, null);
  }

  /** The child is taken before the end (提前离校) by an authorised adult, for a reason; the guardians are told. */
  @Transactional
  public SessionDepartures earlyLeave(Staff me, long offeringId, LocalDate date, long studentId, Collector collector,
      String reason) {
    String why = reason == null ? "" : reason.strip();
    if (why.isEmpty() || why.length() > 200 || collector.alone()) {
      throw new HandoverRefused(Kind.INVALID, Map.of());
    }
    return record(me, offeringId, date, studentId, collector, why);
  }

  public SessionDepartures read(Staff me, long offeringId, LocalDate date) {
    Session session = session(me, offeringId, date);
    RollCall marks = rollCalls.read(me, offeringId, date);
    Map<Long, List<Departure>> byChild = new HashMap<>();
    mapper.ofSession(offeringId, date).forEach(d -> byChild.computeIfAbsent(d.studentId(), id -> new ArrayList<>())
        .add(d));
    List<Long> ids = marks.children().stream().map(RollCall.ChildMarks::studentId).toList();
    Map<Long, List<PickupAdult>> authorised = pickup.authorisedOf(ids);
    Set<Long> alone = homeAlone.inForceAmong(me.schoolId(), ids);
    List<ChildDeparture> children = new ArrayList<>();
    for (RollCall.ChildMarks child : marks.children()) {
      List<Departure> own = byChild.getOrDefault(child.studentId(), List.of());
      List<Collectable> collectors = authorised.getOrDefault(child.studentId(), List.of()).stream()
          .map(Collectable::of).toList();
      children.add(new ChildDeparture(child.studentId(), child.name(), child.className(), child.present(),
          own.isEmpty() ? null : own.get(own.size() - 1), List.copyOf(own), collectors,
          alone.contains(child.studentId())));
    }
    return new SessionDepartures(offeringId, session.offering(), date, session.endsAt(), children);
  }

  private SessionDepartures record(Staff me, long offeringId, LocalDate date, long studentId, Collector collector,
      String reason) {
    if (collector == null || !collector.valid()) {
      throw new HandoverRefused(Kind.INVALID, Map.of());
    }
    Session session = session(me, offeringId, date);
    if (!me.isAdmin() && !Long.valueOf(me.id()).equals(session.teacherId())) {
      throw new HandoverRefused(Kind.NOT_YOURS, Map.of());
    }
    LocalDateTime now = LocalDateTime.now(clock);
    if (now.isBefore(date.atTime(session.startsAt()))) {
      throw new HandoverRefused(Kind.NOT_STARTED, Map.of("startsAt", session.startsAt()));
    }
    if (now.toLocalDate().isAfter(date)) {
      throw new HandoverRefused(Kind.DAY_OVER, Map.of());
    }
    RosterChild child = session.children().stream().filter(c -> c.studentId() == studentId).findFirst()
        .orElseThrow(() -> new HandoverRefused(Kind.NOT_ON_ROSTER, Map.of("id", studentId)));
    mapper.lockChild(studentId);
    if (!mapper.present(offeringId, date).contains(studentId)) {
      throw new HandoverRefused(Kind.NOT_PRESENT, Map.of("child", child.name()));
    }
    Taker taker = taker(me.schoolId(), child, collector);
    Departure.Kind kind = reason != null ? Departure.Kind.EARLY_LEAVE
        : collector.alone() ? Departure.Kind.HOME_ALONE : Departure.Kind.HANDED_OVER;
    Optional<Departure> before = mapper.ofSession(offeringId, date).stream()
        .filter(d -> d.studentId() == studentId).reduce((first, second) -> second);
    GeneratedId key = new GeneratedId();
    mapper.insert(me.schoolId(), offeringId, date, studentId, kind, collector.guardianId(), collector.pickupAdultId(),
        taker.name(), taker.relation(), now, reason, me.id(), now, before.map(Departure::id).orElse(null), key);
    tellGuardians(me.schoolId(), child, kind, taker, now, reason, before.isPresent(), key.value());
    return read(me, offeringId, date);
  }

  /** The collector as authorised for this child now; anyone else is refused with the list of who is. */
  private Taker taker(long schoolId, RosterChild child, Collector collector) {
    List<PickupAdult> authorised = pickup.authorised(child.studentId());
    Optional<PickupAdult> found = authorised.stream().filter(a -> collector.guardianId() != null
        ? a.guardian() && a.id() == collector.guardianId()
        : collector.pickupAdultId() != null && !a.guardian() && a.id() == collector.pickupAdultId()).findFirst();
    if (found.isPresent()) {
      return new Taker(found.get().name(), found.get().relation());
    }
    boolean alone = homeAlone.inForce(schoolId, child.studentId()).isPresent();
    if (collector.alone() && alone) {
      return new Taker(null, null);
    }
    List<Map<String, Object>> who = new ArrayList<>();
    for (PickupAdult a : authorised) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put(a.guardian() ? "guardianId" : "pickupAdultId", a.id());
      entry.put("name", a.name());
      entry.put("relation", a.relation());
      who.add(entry);
    }
    throw new HandoverRefused(Kind.NOT_AUTHORISED, Map.of("child", child.name(), "authorised", who,
        "homeAlone", alone));
  }

  private record Taker(String name, String relation) {
  }

  private void tellGuardians(long schoolId, RosterChild child, Departure.Kind kind, Taker taker, LocalDateTime at,
      String reason, boolean correction, long rowId) {
    String collector = taker.name() == null ? texts.message("handover.alone")
        : texts.message("handover.collector", Map.of("name", taker.name(), "relation", taker.relation()));
    Map<String, Object> values = Map.of("child", child.name(), "collector", collector, "time", TIME.format(at),
        "reason", reason == null ? "" : reason);
    String key = switch (kind) {
      case HANDED_OVER -> "handover.handedOver";
      case HOME_ALONE -> "handover.homeAlone";
      case EARLY_LEAVE -> "handover.earlyLeave";
    };
    String body = (correction ? texts.message("handover.correction") : "") + texts.message(key, values);
    String messageKind = kind == Departure.Kind.EARLY_LEAVE ? EARLY_LEAVE : HANDED_OVER;
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("child", child.name());
    fields.put("collector", collector);
    fields.put("time", TIME.format(at));
    if (kind == Departure.Kind.EARLY_LEAVE) {
      fields.put("reason", reason);
    }
    notices.tell(schoolId, child.studentId(), messageKind + ":" + rowId, messageKind, body, fields, null);
  }

  private Session session(Staff me, long offeringId, LocalDate date) {
    return timetable.on(me.schoolId(), date).sessions().stream().filter(s -> s.offeringId() == offeringId)
        .findFirst().orElseThrow(() -> new HandoverRefused(Kind.NO_SESSION, Map.of("date", date)));
  }
}
