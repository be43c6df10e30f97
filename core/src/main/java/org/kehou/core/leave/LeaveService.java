package org.kehou.core.leave;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.kehou.core.calendar.RosterChild;
import org.kehou.core.calendar.Timetable;
import org.kehou.core.leave.LeaveRefused.Kind;
import org.kehou.core.staff.StaffAlerts;
import org.kehou.core.text.Texts;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Leave (请假): a guardian asks in the chat before the school's cutoff on that day, staff record it at any time (a
 * parent who phoned). Either way the child must be enrolled that day as the calendar has it, the class teacher is told,
 * and the child leaves that day's roster (Timetable reads live leave). Cancelling keeps the row.
 */
@Service
public class LeaveService {

  public static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("M月d日");
  /** The class teacher's alerts: leave asked or recorded, leave cancelled. */
  public static final String ASKED = "leave";
  public static final String CANCELLED = "leave-cancelled";
  /** Held by the quiet hours till the morning: the class teacher needs them for the day's roll call, not at night. */
  public static final Set<String> STAFF_KINDS = Set.of(ASKED, CANCELLED);

  /** The outcome of asking: {@code added} false when the child already had leave that day (the other guardian's). */
  public record Asked(Leave leave, boolean added) {
  }

  private final LeaveMapper mapper;
  private final Timetable timetable;
  private final StaffAlerts alerts;
  private final Texts texts;
  private final Clock clock;
  private final LocalTime cutoff;

  LeaveService(LeaveMapper mapper, Timetable timetable, StaffAlerts alerts, Texts texts, Clock clock,
      @Value("${kehou.leave.cutoff:14:00}") LocalTime cutoff) {
    this.mapper = mapper;
    this.timetable = timetable;
    this.alerts = alerts;
    this.texts = texts;
    this.clock = clock;
    this.cutoff = cutoff;
  }

  public LocalDate today() {
    return LocalDate.now(clock);
  }

  public LocalTime cutoff() {
    return cutoff;
  }

  /** A guardian's 请假 for their child (the binding vouches for both). */
  @Transactional
  public Asked ask(long schoolId, long guardianId, long studentId, LocalDate day, String reason) {
    beforeCutoff(day);
    RosterChild child = enrolled(schoolId, studentId, day);
    return add(schoolId, child, day, reason, guardianId, null);
  }

  /** A guardian's 取消请假. */
  @Transactional
  public Leave cancel(long guardianId, long studentId, LocalDate day) {
    beforeCutoff(day);
    Leave leave = liveOrRefuse(studentId, day);
    mapper.cancel(leave.id(), guardianId, null, now());
    tellClassTeacher(leave, CANCELLED, null);
    return mapper.byId(leave.id());
  }

  /** Staff record leave, after the cutoff too. */
  @Transactional
  public Asked record(LeaveStaff staff, long studentId, LocalDate day, String reason) {
    visible(staff, studentId);
    RosterChild child = enrolled(staff.schoolId(), studentId, day);
    return add(staff.schoolId(), child, day, reason, null, staff.staffId());
  }

  @Transactional
  public Leave cancelByStaff(LeaveStaff staff, long studentId, LocalDate day) {
    visible(staff, studentId);
    Leave leave = liveOrRefuse(studentId, day);
    mapper.cancel(leave.id(), null, staff.staffId(), now());
    tellClassTeacher(leave, CANCELLED, staff.staffId());
    return mapper.byId(leave.id());
  }

  /** A date's leave, cancelled too: every class for the school admin, their own classes for anyone else. */
  public List<Leave> onDay(LeaveStaff staff, LocalDate day) {
    return mapper.onDay(staff.schoolId(), day, staff.schoolAdmin() ? null : staff.staffId());
  }

  /** The child's leave from today on, for 状态. */
  public List<Leave> upcoming(long studentId) {
    return mapper.upcoming(studentId, today());
  }

  private Asked add(long schoolId, RosterChild child, LocalDate day, String reason, Long guardianId, Long staffId) {
    String why = reason == null || reason.isBlank() ? null : reason.strip();
    try {
      mapper.insert(schoolId, child.studentId(), day, why, guardianId, staffId, now());
    } catch (DuplicateKeyException e) {
      return new Asked(mapper.liveNow(child.studentId(), day).orElseThrow(() -> e), false);
    }
    Leave leave = liveOrRefuse(child.studentId(), day);
    tellClassTeacher(leave, ASKED, staffId);
    return new Asked(leave, true);
  }

  private void tellClassTeacher(Leave leave, String kind, Long actingStaff) {
    Long teacher = leave.classTeacherId();
    if (teacher == null || teacher.equals(actingStaff)) {
      return; // the class teacher who recorded it knows
    }
    String reason = leave.reason() == null ? texts.message("notice.leaveNoReason") : leave.reason();
    String day = DAY.format(leave.day());
    String body = texts.message(kind.equals(ASKED) ? "notice.leave" : "notice.leaveCancelled",
        Map.of("child", leave.studentName(), "class", leave.className(), "day", day, "reason", reason));
    alerts.tell(teacher, kind, kind + ":" + leave.id(), body,
        Map.of("child", leave.studentName(), "className", leave.className(), "day", day, "reason", reason));
  }

  private void beforeCutoff(LocalDate day) {
    if (!now().isBefore(day.atTime(cutoff))) {
      throw new LeaveRefused(Kind.CUTOFF_PASSED, "leave.cutoffPassed",
          Map.of("day", DAY.format(day), "cutoff", cutoff.toString()));
    }
  }

  private RosterChild enrolled(long schoolId, long studentId, LocalDate day) {
    return timetable.enrolledOn(schoolId, studentId, day).orElseThrow(() -> new LeaveRefused(Kind.NO_SERVICE,
        "leave.noService", Map.of("day", DAY.format(day))));
  }

  private Leave liveOrRefuse(long studentId, LocalDate day) {
    return mapper.live(studentId, day).orElseThrow(() -> new LeaveRefused(Kind.NOT_ON_LEAVE, "leave.notOnLeave",
        Map.of("day", DAY.format(day))));
  }

  /** Another school's child is not found; a class teacher reaching another class's child is refused. */
  private LeaveChild visible(LeaveStaff staff, long studentId) {
    Optional<LeaveChild> child = mapper.child(studentId).filter(c -> c.schoolId() == staff.schoolId());
    if (child.isEmpty()) {
      throw new LeaveRefused(Kind.NOT_FOUND, "leave.staff.NOT_FOUND", Map.of("id", studentId));
    }
    if (!staff.schoolAdmin() && !Long.valueOf(staff.staffId()).equals(child.get().classTeacherId())) {
      throw new LeaveRefused(Kind.NOT_YOURS, "leave.staff.NOT_YOURS", Map.of("id", studentId));
    }
    return child.get();
  }

  private LocalDateTime now() {
    return LocalDateTime.now(clock);
  }
}
