package org.kehou.core.duty;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kehou.core.GeneratedId;
import org.kehou.core.calendar.Session;
import org.kehou.core.duty.DutyRefused.Kind;
import org.kehou.core.staff.Staff;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who is on duty in a session: the offering's own teacher (the one roll call knows) as a teacher, then the staff the
 * school planned on it, for that date or for every session of the offering. Each staff member once: a date's plan
 * says more than a standing one.
 */
@Service
public class Duties {

  private final DutyMapper mapper;
  private final Clock clock;

  Duties(DutyMapper mapper, Clock clock) {
    this.mapper = mapper;
    this.clock = clock;
  }

  /** The session's duties from the school's assignments of that time (see {@link #assignments}). */
  public static List<Duty> of(Session session, List<DutyAssignment> assignments) {
    List<Duty> duties = new ArrayList<>();
    Set<Long> seen = new HashSet<>();
    if (session.teacherId() != null) {
      duties.add(new Duty(session.teacherId(), session.teacher(), DutyRole.TEACHER, null));
      seen.add(session.teacherId());
    }
    for (DutyAssignment a : assignments) {
      boolean applies = a.offeringId() == session.offeringId()
          && (a.sessionDate() == null || a.sessionDate().equals(session.date()));
      if (applies && seen.add(a.staffId())) {
        duties.add(new Duty(a.staffId(), a.staffName(), a.role(), a.id()));
      }
    }
    return duties;
  }

  /** The school's assignments that can apply between the dates: date-specific ones first. */
  public List<DutyAssignment> assignments(long schoolId, LocalDate from, LocalDate to) {
    return mapper.assignments(schoolId, from, to);
  }

  public List<DutyAssignment> ofOffering(Staff me, long offeringId) {
    ownOffering(me, offeringId, false);
    return mapper.ofOffering(offeringId);
  }

  /**
   * Plans a staff member on the offering's sessions: every one ({@code date} null) or one date's. The school admin
   * only. Refused when they are on duty there already (the offering's teacher, or planned for the same sessions).
   */
  @Transactional
  public DutyAssignment assign(Staff me, long offeringId, long staffId, DutyRole role, LocalDate date) {
    if (role == null) {
      throw new DutyRefused(Kind.INVALID, "duty.staff.invalid", Map.of());
    }
    ownOffering(me, offeringId, true);
    if (!mapper.activeStaffSchool(staffId).map(s -> s == me.schoolId()).orElse(false)) {
      throw new DutyRefused(Kind.NOT_FOUND, "duty.staff.staffNotFound", Map.of());
    }
    boolean taken = mapper.ofOffering(offeringId).stream().anyMatch(a -> a.staffId() == staffId
        && (a.sessionDate() == null || a.sessionDate().equals(date)))
        || mapper.offeringTeacher(offeringId).map(t -> t == staffId).orElse(false);
    if (taken) {
      throw new DutyRefused(Kind.ALREADY_ON_DUTY, "duty.staff.alreadyOnDuty", Map.of());
    }
    GeneratedId key = new GeneratedId();
    mapper.insertAssignment(me.schoolId(), offeringId, staffId, role, date, me.id(), LocalDateTime.now(clock), key);
    return mapper.ofOffering(offeringId).stream().filter(a -> a.id() == key.value()).findFirst().orElseThrow();
  }

  /** Takes a planned duty off; what was signed stays. */
  @Transactional
  public void remove(Staff me, long offeringId, long assignmentId) {
    ownOffering(me, offeringId, true);
    if (mapper.deleteAssignment(offeringId, assignmentId) == 0) {
      throw new DutyRefused(Kind.NOT_FOUND, "duty.staff.assignmentNotFound", Map.of());
    }
  }

  /** The name the subsidy sheet pays under; blank clears it. The school admin only. */
  @Transactional
  public void setRealName(Staff me, long staffId, String realName) {
    if (!me.isAdmin()) {
      throw new DutyRefused(Kind.NOT_YOURS, "duty.staff.adminOnly", Map.of());
    }
    String name = realName == null || realName.isBlank() ? null : realName.strip();
    if (name != null && name.length() > 60) {
      throw new DutyRefused(Kind.INVALID, "duty.staff.invalid", Map.of());
    }
    if (mapper.setRealName(me.schoolId(), staffId, name) == 0) {
      throw new DutyRefused(Kind.NOT_FOUND, "duty.staff.staffNotFound", Map.of());
    }
  }

  private void ownOffering(Staff me, long offeringId, boolean lock) {
    if (!me.isAdmin()) {
      throw new DutyRefused(Kind.NOT_YOURS, "duty.staff.adminOnly", Map.of());
    }
    Long school = (lock ? mapper.lockOffering(offeringId) : mapper.offeringSchool(offeringId)).orElse(null);
    if (school == null || school != me.schoolId()) {
      throw new DutyRefused(Kind.NOT_FOUND, "duty.staff.offeringNotFound", Map.of());
    }
  }
}
