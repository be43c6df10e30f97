package org.kehou.bot.jobs;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.function.Consumer;
import org.kehou.core.calendar.CalendarEntry;
import org.kehou.core.calendar.CalendarService;
import org.kehou.core.calendar.DayKind;
import org.kehou.core.calendar.EntryDraft;
import org.kehou.core.rollcall.RollCallInput;
import org.kehou.core.rollcall.RollCallService;
import org.kehou.core.staff.Staff;
import org.kehou.core.staff.StaffRole;
import org.kehou.core.testing.SchoolFixture;
import org.kehou.core.testing.SettableClock;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A school of its own where, on a Thursday a week or two ahead at {@link #DUE} (16:10), three time-driven messages are
 * due at once: 国际象棋's roll call is missing (started 15:30, alert after 15 minutes), 王小明's absence case from
 * 作业辅导's roll call at 15:35 is still open (escalation after 30 minutes), and Friday's cancellation, made on
 * Wednesday, is told at 16:00 the day before (the contexts run with {@code kehou.calendar.cancellation-notice-at=16:00}).
 * The clocks are moved through the day as it is built; {@code clocks} sets every running instance's clock.
 */
final class DueMessages {

  static final LocalDate THURSDAY = LocalDate.now(SettableClock.BEIJING).plusDays(7)
      .with(TemporalAdjusters.nextOrSame(DayOfWeek.THURSDAY));
  static final LocalDateTime DUE = THURSDAY.atTime(16, 10);
  static final String CANCELLATION_NOTICE_AT = "--kehou.calendar.cancellation-notice-at=16:00";

  final SchoolFixture school;
  final long admin;
  final long teacher;
  final long homework;
  final long chess;
  final long absentChild;
  final List<Long> guardians;
  final long cancellation;
  private JdbcTemplate jdbc;

  DueMessages(ConfigurableApplicationContext bot, Consumer<LocalDateTime> clocks) {
    jdbc = bot.getBean(JdbcTemplate.class);
    clocks.accept(THURSDAY.minusDays(1).atTime(10, 0));
    school = new SchoolFixture(jdbc);
    admin = school.staff("SCHOOL_ADMIN");
    teacher = school.staff("DUTY_TEACHER");
    long classId = school.schoolClass(3, "三年级1班", null);
    homework = offering("作业辅导");
    chess = offering("国际象棋");
    absentChild = school.student(classId, "王小明", "NONE");
    long liLei = school.student(classId, "李雷", "NONE");
    guardians = List.of(enrol(absentChild, "王妈妈", homework), enrol(liLei, "李妈妈", chess));
    CalendarEntry friday = bot.getBean(CalendarService.class).add(school.schoolId, school.termId,
        new EntryDraft(THURSDAY.plusDays(1), DayKind.CANCELLED, null, "校园开放日"), admin);
    cancellation = friday.id();
    // A manager for every pupil: both sessions are short of one, which the staffing job tells the admin.
    jdbc.update("INSERT INTO term_duty_rule (term_id, pupils_per_manager) VALUES (?, 1)", school.termId);

    clocks.accept(THURSDAY.atTime(15, 35));
    Staff duty = new Staff(teacher, school.schoolId, "duty", "老师", StaffRole.DUTY_TEACHER, true);
    bot.getBean(RollCallService.class).take(duty, homework, THURSDAY,
        new RollCallInput(null, null, List.of(absentChild)));
  }

  private long offering(String name) {
    jdbc.update("INSERT INTO offering (school_id, term_id, name, kind, weekdays, grades, capacity, starts_at, ends_at, "
        + "teacher_id) VALUES (?, ?, ?, 'CLUB', 31, 63, 30, '15:30', '17:30', ?)", school.schoolId, school.termId, name,
        teacher);
    return jdbc.queryForObject("SELECT id FROM offering WHERE term_id = ? AND name = ?", Long.class, school.termId,
        name);
  }

  private long enrol(long student, String guardianName, long offering) {
    long guardian = school.guardian(guardianName, student, "母亲");
    school.bindWeChat(guardian);
    long application = school.application(student, guardian, "SEATED", offering);
    jdbc.update("UPDATE application SET state = 'ACTIVE', active_from = ? WHERE id = ?", THURSDAY.minusDays(7),
        application);
    return guardian;
  }

  /** Reads through another (a restarted) instance from now on. */
  DueMessages readingFrom(ConfigurableApplicationContext bot) {
    jdbc = bot.getBean(JdbcTemplate.class);
    return this;
  }

  /** Staff inbox notices of one kind to one staff member. */
  int notices(long staffId, String kind) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM staff_notice WHERE staff_id = ? AND kind = ?", Integer.class,
        staffId, kind);
  }

  /** The missing roll call's claim rows: one per session and kind, whoever ran the check. */
  int missingRollCallClaims() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM session_alert WHERE offering_id = ? AND session_date = ? "
        + "AND kind = 'roll-call-missing'", Integer.class, chess, THURSDAY);
  }

  /** The staffing check's claim rows of the school's sessions that day. */
  /**
   * The staff member's staffing alerts about Thursday's two sessions. The jobs run every second while the day is
   * built, with the clocks still on Wednesday: Wednesday's short sessions are rightly told too, under their own date.
   */
  int thursdaysStaffingNotices(long staffId) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM staff_notice WHERE staff_id = ? AND kind = 'staffing-short' "
        + "AND occasion_key IN (?, ?)", Integer.class, staffId, "staffing-short:" + homework + ":" + THURSDAY,
        "staffing-short:" + chess + ":" + THURSDAY);
  }

  int staffingClaims() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM session_alert WHERE offering_id IN (?, ?) AND session_date = ? "
        + "AND kind = 'staffing-short'", Integer.class, homework, chess, THURSDAY);
  }

  /** Outbox rows telling one guardian of Friday's cancellation (their keys start with the cancellation's). */
  int cancellationMessages(long guardian) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM outbox_message WHERE guardian_id = ? AND dedup_key LIKE ?",
        Integer.class, guardian, "calendar-cancelled:" + cancellation + ":%");
  }

  /** Outbox rows reminding one guardian of a notice. */
  int noticeReminders(long notice, long guardian) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM outbox_message WHERE guardian_id = ? AND dedup_key LIKE ?",
        Integer.class, guardian, "notice-reminder:" + notice + ":%");
  }

  int absenceAlerts(long guardian) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM outbox_message WHERE guardian_id = ? AND kind = 'absence-alert'",
        Integer.class, guardian);
  }
}
