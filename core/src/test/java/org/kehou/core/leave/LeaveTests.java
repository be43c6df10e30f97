package org.kehou.core.leave;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kehou.core.binding.WechatBindingService;
import org.kehou.core.calendar.RosterChild;
import org.kehou.core.calendar.Session;
import org.kehou.core.calendar.Timetable;
import org.kehou.core.outbox.Outbox;
import org.kehou.core.outbox.OutboxMessage;
import org.kehou.core.outbox.SendWindow;
import org.kehou.core.staff.StaffWechat;
import org.kehou.core.testing.SchoolFixture;
import org.kehou.core.testing.SettableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/** A school of its own per test, the clock on a Wednesday morning well inside SchoolFixture's term. */
@SpringBootTest
@Import(SettableClock.Config.class)
class LeaveTests {

  static final LocalDate WEDNESDAY = LocalDate.now(SettableClock.BEIJING).plusDays(7)
      .with(TemporalAdjusters.nextOrSame(DayOfWeek.WEDNESDAY));
  static final LocalDate THURSDAY = WEDNESDAY.plusDays(1);
  static final LocalDate SATURDAY = WEDNESDAY.plusDays(3);

  @Autowired JdbcTemplate jdbc;
  @Autowired SettableClock clock;
  @Autowired LeaveService leave;
  @Autowired Timetable timetable;
  @Autowired Outbox outbox;
  @Autowired SendWindow sendWindow;
  @Autowired StaffWechat staffWechat;
  @Autowired WechatBindingService bindings;

  SchoolFixture school;
  long admin;
  long teacher;
  long otherTeacher;
  long student;
  long guardian;
  long secondGuardian;

  @BeforeEach
  void aChildEnrolledEveryWeekday() {
    clock.set(WEDNESDAY.atTime(10, 0));
    school = new SchoolFixture(jdbc);
    admin = school.staff("SCHOOL_ADMIN");
    teacher = school.staff("CLASS_TEACHER");
    otherTeacher = school.staff("CLASS_TEACHER");
    long classId = school.schoolClass(3, "三年级1班", teacher);
    school.schoolClass(3, "三年级2班", otherTeacher);
    long homework = school.offering("作业辅导", 30);
    student = school.student(classId, "王小明", "NONE");
    guardian = school.guardian("王妈妈", student, "母亲");
    secondGuardian = school.guardian("王爸爸", student, "父亲");
    long application = school.application(student, guardian, "SEATED", homework);
    jdbc.update("UPDATE application SET state = 'ACTIVE', active_from = ? WHERE id = ?", WEDNESDAY.minusDays(7),
        application);
  }

  @Test
  void parentAsksLeaveForTomorrowAndChildLeavesThatRoster() {
    assertThat(roster(THURSDAY)).containsExactly(student);

    LeaveService.Asked asked = leave.ask(school.schoolId, guardian, student, THURSDAY, "发烧");

    assertThat(asked.added()).isTrue();
    assertThat(asked.leave().askedByGuardian()).isEqualTo(guardian);
    assertThat(asked.leave().askedByStaff()).isNull();
    assertThat(asked.leave().askedAt()).isEqualTo(WEDNESDAY.atTime(10, 0));
    assertThat(asked.leave().reason()).isEqualTo("发烧");
    assertThat(roster(THURSDAY)).as("off Thursday's roster").isEmpty();
    assertThat(roster(WEDNESDAY)).as("other days unchanged").containsExactly(student);
    assertThat(leave.upcoming(student)).extracting(Leave::day).containsExactly(THURSDAY);
  }

  @Test
  void twoGuardiansAskingGiveOneLeave() {
    leave.ask(school.schoolId, guardian, student, THURSDAY, "");
    LeaveService.Asked second = leave.ask(school.schoolId, secondGuardian, student, THURSDAY, "看病");

    assertThat(second.added()).isFalse();
    assertThat(second.leave().askedByGuardian()).isEqualTo(guardian);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM leave_request WHERE student_id = ?", Integer.class, student))
        .isEqualTo(1);
  }

  @Test
  void twoGuardiansAskingAtOnceGiveOneLeave() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<LeaveService.Asked>> asks = new ArrayList<>();
      for (long who : new long[] {guardian, secondGuardian}) {
        asks.add(pool.submit(() -> {
          start.await();
          return leave.ask(school.schoolId, who, student, THURSDAY, "");
        }));
      }
      start.countDown();
      List<LeaveService.Asked> results = new ArrayList<>();
      for (Future<LeaveService.Asked> ask : asks) {
        results.add(ask.get(30, TimeUnit.SECONDS));
      }
      assertThat(results).filteredOn(LeaveService.Asked::added).hasSize(1);
      assertThat(results).extracting(r -> r.leave().id()).containsOnly(results.get(0).leave().id());
    } finally {
      pool.shutdown();
    }
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM leave_request WHERE student_id = ?", Integer.class, student))
        .isEqualTo(1);
  }

  @Test
  void leaveAfterCutoffRefusedButStaffCanRecordIt() {
    clock.set(WEDNESDAY.atTime(14, 0));

    assertThatThrownBy(() -> leave.ask(school.schoolId, guardian, student, WEDNESDAY, ""))
        .isInstanceOfSatisfying(LeaveRefused.class, e -> assertThat(e.kind()).isEqualTo(LeaveRefused.Kind.CUTOFF_PASSED));
    assertThat(roster(WEDNESDAY)).containsExactly(student);

    LeaveService.Asked recorded = leave.record(new LeaveStaff(teacher, school.schoolId, false), student, WEDNESDAY,
        "家长来电");

    assertThat(recorded.leave().askedByStaff()).isEqualTo(teacher);
    assertThat(recorded.leave().askedByGuardian()).isNull();
    assertThat(roster(WEDNESDAY)).isEmpty();
    assertThat(leave.onDay(new LeaveStaff(admin, school.schoolId, true), WEDNESDAY)).extracting(Leave::studentId)
        .containsExactly(student);
    assertThat(leave.onDay(new LeaveStaff(otherTeacher, school.schoolId, false), WEDNESDAY)).isEmpty();
  }

  @Test
  void cancelLeaveBeforeCutoff() {
    leave.ask(school.schoolId, guardian, student, THURSDAY, "");
    clock.set(THURSDAY.atTime(13, 59));

    Leave cancelled = leave.cancel(secondGuardian, student, THURSDAY);

    assertThat(cancelled.cancelledAt()).isEqualTo(THURSDAY.atTime(13, 59));
    assertThat(cancelled.cancelledByGuardian()).isEqualTo(secondGuardian);
    assertThat(roster(THURSDAY)).as("back on the roster").containsExactly(student);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM leave_request WHERE student_id = ?", Integer.class, student))
        .as("the row is kept").isEqualTo(1);
    assertThat(leave.upcoming(student)).isEmpty();

    leave.ask(school.schoolId, guardian, student, THURSDAY, "");
    clock.set(THURSDAY.atTime(14, 0));
    assertThatThrownBy(() -> leave.cancel(guardian, student, THURSDAY))
        .isInstanceOfSatisfying(LeaveRefused.class, e -> assertThat(e.kind()).isEqualTo(LeaveRefused.Kind.CUTOFF_PASSED));
    assertThat(roster(THURSDAY)).isEmpty();
  }

  @Test
  void leaveOnADayWithoutServiceRefused() {
    assertThatThrownBy(() -> leave.ask(school.schoolId, guardian, student, SATURDAY, ""))
        .isInstanceOfSatisfying(LeaveRefused.class, e -> assertThat(e.kind()).isEqualTo(LeaveRefused.Kind.NO_SERVICE));
    jdbc.update("INSERT INTO calendar_day (school_id, term_id, day, kind, note, created_at) "
        + "VALUES (?, ?, ?, 'HOLIDAY', '假日', NOW(3))", school.schoolId, school.termId, THURSDAY);
    assertThatThrownBy(() -> leave.record(new LeaveStaff(admin, school.schoolId, true), student, THURSDAY, ""))
        .isInstanceOfSatisfying(LeaveRefused.class, e -> assertThat(e.kind()).isEqualTo(LeaveRefused.Kind.NO_SERVICE));
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM leave_request WHERE student_id = ?", Integer.class, student))
        .isZero();
  }

  @Test
  void classTeacherToldOfLeave() {
    leave.ask(school.schoolId, guardian, student, THURSDAY, "看牙");

    List<String> notices = jdbc.queryForList("SELECT body FROM staff_notice WHERE staff_id = ? AND kind = 'leave'",
        String.class, teacher);
    assertThat(notices).singleElement().satisfies(body -> assertThat(body).contains("王小明", "三年级1班", "看牙",
        LeaveService.DAY.format(THURSDAY)));

    leave.cancel(guardian, student, THURSDAY);
    assertThat(jdbc.queryForList("SELECT body FROM staff_notice WHERE staff_id = ? AND kind = 'leave-cancelled'",
        String.class, teacher)).singleElement().asString().contains("王小明", "取消");
    assertThat(outbox.forStaff(teacher)).as("no WeChat bound: the inbox only").isEmpty();
  }

  @Test
  void leaveAlertsToABoundClassTeacherWaitForTheMorning() {
    String openid = "o-staff-" + System.nanoTime();
    bindings.redeem(openid, staffWechat.issueCode(teacher, teacher).code());

    leave.ask(school.schoolId, guardian, student, THURSDAY, "看牙");
    leave.cancel(guardian, student, THURSDAY);

    assertThat(outbox.forStaff(teacher)).extracting(OutboxMessage::kind, OutboxMessage::openid)
        .containsExactlyInAnyOrder(tuple(LeaveService.ASKED, openid), tuple(LeaveService.CANCELLED, openid));
    java.time.LocalDateTime tenPm = WEDNESDAY.atTime(22, 0);
    assertThat(sendWindow.earliest(LeaveService.ASKED, tenPm)).isEqualTo(THURSDAY.atTime(7, 0));
    assertThat(sendWindow.earliest(LeaveService.CANCELLED, tenPm)).isEqualTo(THURSDAY.atTime(7, 0));
    assertThat(sendWindow.earliest(LeaveService.ASKED, WEDNESDAY.atTime(10, 0))).isEqualTo(WEDNESDAY.atTime(10, 0));
  }

  @Test
  void classTeacherCannotRecordLeaveForAnotherClass() {
    assertThatThrownBy(() -> leave.record(new LeaveStaff(otherTeacher, school.schoolId, false), student, THURSDAY, ""))
        .isInstanceOfSatisfying(LeaveRefused.class, e -> assertThat(e.kind()).isEqualTo(LeaveRefused.Kind.NOT_YOURS));
    leave.record(new LeaveStaff(admin, school.schoolId, true), student, THURSDAY, "");
    assertThatThrownBy(() -> leave.cancelByStaff(new LeaveStaff(otherTeacher, school.schoolId, false), student,
        THURSDAY)).isInstanceOfSatisfying(LeaveRefused.class,
            e -> assertThat(e.kind()).isEqualTo(LeaveRefused.Kind.NOT_YOURS));
    assertThat(roster(THURSDAY)).isEmpty();
  }

  @Test
  void datesParentsType() {
    LocalDate today = LocalDate.of(2026, 12, 2);
    assertThat(LeaveDates.read("", today)).isEqualTo(new LeaveDates.Asked(Optional.of(today), ""));
    assertThat(LeaveDates.read("明天 发烧", today))
        .isEqualTo(new LeaveDates.Asked(Optional.of(LocalDate.of(2026, 12, 3)), "发烧"));
    assertThat(LeaveDates.read("12月5日", today).date()).contains(LocalDate.of(2026, 12, 5));
    assertThat(LeaveDates.read("12-05，看牙", today))
        .isEqualTo(new LeaveDates.Asked(Optional.of(LocalDate.of(2026, 12, 5)), "看牙"));
    assertThat(LeaveDates.read("1月3号", today).date()).as("next January").contains(LocalDate.of(2027, 1, 3));
    assertThat(LeaveDates.read("发烧", today)).isEqualTo(new LeaveDates.Asked(Optional.of(today), "发烧"));
    assertThat(LeaveDates.read("下周一", today).date()).isEmpty();
    assertThat(LeaveDates.read("13-40", today).date()).isEmpty();
  }

  private List<Long> roster(LocalDate day) {
    return timetable.on(school.schoolId, day).sessions().stream().map(Session::children).flatMap(List::stream)
        .map(RosterChild::studentId).distinct().toList();
  }
}
