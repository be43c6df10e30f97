package org.kehou.core.handover;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kehou.core.calendar.RosterChild;
import org.kehou.core.calendar.Session;
import org.kehou.core.calendar.Timetable;
import org.kehou.core.rollcall.RollCallInput;
import org.kehou.core.rollcall.RollCallService;
import org.kehou.core.staff.Staff;
import org.kehou.core.staff.StaffRole;
import org.kehou.core.testing.SchoolFixture;
import org.kehou.core.testing.SettableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/** A 作业辅导 session on a Wednesday, 15:30–17:30, three children: one present, one absent, one collected early. */
@SpringBootTest
@Import(SettableClock.Config.class)
class SessionEndsTests {

  static final LocalDate WEDNESDAY = LocalDate.now(SettableClock.BEIJING).plusDays(7)
      .with(TemporalAdjusters.nextOrSame(DayOfWeek.WEDNESDAY));

  @Autowired JdbcTemplate jdbc;
  @Autowired SettableClock clock;
  @Autowired RollCallService rollCalls;
  @Autowired Handovers handovers;
  @Autowired SessionEnds sessionEnds;
  @Autowired Timetable timetable;

  SchoolFixture school;
  Staff teacher;
  long homework;
  long present;
  long presentGuardian;
  long absent;
  long early;
  long earlyGuardian;

  @BeforeEach
  void aSessionWithItsRollCallTaken() {
    clock.set(WEDNESDAY.atTime(15, 40));
    school = new SchoolFixture(jdbc);
    long teacherId = school.staff("DUTY_TEACHER");
    teacher = new Staff(teacherId, school.schoolId, "u" + teacherId, "值班老师", StaffRole.DUTY_TEACHER, true);
    school.staff("SCHOOL_ADMIN");
    long classId = school.schoolClass(3, "三年级1班", null);
    jdbc.update("INSERT INTO offering (school_id, term_id, name, kind, weekdays, grades, capacity, starts_at, ends_at, "
        + "teacher_id, room) VALUES (?, ?, '作业辅导', 'CLUB', 31, 63, 30, '15:30', '17:30', ?, '东门')", school.schoolId,
        school.termId, teacherId);
    homework = jdbc.queryForObject("SELECT id FROM offering WHERE term_id = ?", Long.class, school.termId);
    present = child(classId, "王小明");
    presentGuardian = guardianOf(present);
    absent = child(classId, "李雷");
    early = child(classId, "韩梅梅");
    earlyGuardian = guardianOf(early);
    rollCalls.take(teacher, homework, WEDNESDAY, new RollCallInput(null, null, List.of(absent)));
    clock.set(WEDNESDAY.atTime(16, 10));
    handovers.earlyLeave(teacher, homework, WEDNESDAY, early, new Collector(earlyGuardian, null, null), "看牙医");
  }

  long child(long classId, String name) {
    long student = school.student(classId, name, "NONE");
    long guardian = school.guardian(name.charAt(0) + "妈妈", student, "母亲");
    school.bindWeChat(guardian);
    long application = school.application(student, guardian, "SEATED", homework);
    jdbc.update("UPDATE application SET state = 'ACTIVE', active_from = ? WHERE id = ?", WEDNESDAY.minusDays(2),
        application);
    return student;
  }

  long guardianOf(long student) {
    return jdbc.queryForObject("SELECT guardian_id FROM student_guardian WHERE student_id = ?", Long.class, student);
  }

  int messages(long student, String kind) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM outbox_message WHERE student_id = ? AND kind = ?", Integer.class,
        student, kind);
  }

  int staffNotices(String kind) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM staff_notice n JOIN staff s ON s.id = n.staff_id "
        + "WHERE s.school_id = ? AND n.kind = ?", Integer.class, school.schoolId, kind);
  }

  void tickAt(int hour, int minute) {
    clock.set(WEDNESDAY.atTime(hour, minute));
    sessionEnds.tick();
  }

  @Test
  void atTheEndOnlyTheChildrenPresentAndNotGoneGetAPickupMessageOnceHoweverOftenTheJobRuns() {
    tickAt(17, 29);
    assertThat(messages(present, SessionEnds.READY)).as("not before the end").isZero();

    tickAt(17, 30);
    tickAt(17, 31);

    assertThat(messages(present, SessionEnds.READY)).isEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT body FROM outbox_message WHERE student_id = ? AND kind = ?", String.class,
        present, SessionEnds.READY)).contains("王小明", "作业辅导", "17:30", "东门");
    assertThat(messages(absent, SessionEnds.READY)).as("absent at roll call").isZero();
    assertThat(messages(early, SessionEnds.READY)).as("gone early").isZero();
  }

  @Test
  void aChildNotCollectedInTimeAlertsTheTeacherThenTheAdminUntilTheHandOverIsRecorded() {
    tickAt(17, 30);
    tickAt(17, 45);
    tickAt(17, 46);
    assertThat(messages(present, SessionEnds.LATE)).isEqualTo(1);
    assertThat(staffNotices(SessionEnds.OVERDUE)).isEqualTo(1);
    assertThat(staffNotices(SessionEnds.ESCALATED)).isZero();

    tickAt(18, 0);
    assertThat(staffNotices(SessionEnds.ESCALATED)).isEqualTo(1);

    handovers.handOver(teacher, homework, WEDNESDAY, present, new Collector(presentGuardian, null, null));
    tickAt(18, 5);
    assertThat(messages(present, Handovers.HANDED_OVER)).isEqualTo(1);
    assertThat(staffNotices(SessionEnds.ESCALATED)).as("nothing more once handed over").isEqualTo(1);
  }

  @Test
  void aTickThatRunsLateStillSendsWhatFellDueOnce() {
    // Every instance was down at 17:30; the first tick after the restart runs at 17:33.
    tickAt(17, 33);
    assertThat(messages(present, SessionEnds.READY)).isEqualTo(1);
    assertThat(messages(present, SessionEnds.LATE)).isZero();
  }

  @Test
  void aChildTakenEarlyLeavesTheRollOfEveryLaterSessionThatDay() {
    jdbc.update("INSERT INTO offering (school_id, term_id, name, kind, weekdays, grades, capacity, starts_at, ends_at) "
        + "VALUES (?, ?, '围棋', 'CLUB', 31, 63, 30, '16:30', '17:30')", school.schoolId, school.termId);
    long chess = jdbc.queryForObject("SELECT id FROM offering WHERE term_id = ? AND name = '围棋'", Long.class,
        school.termId);
    for (long child : List.of(present, early)) {
      jdbc.update("INSERT INTO application_choice (application_id, offering_id, status) SELECT id, ?, 'SEATED' "
          + "FROM application WHERE student_id = ?", chess, child);
    }

    Session later = timetable.on(school.schoolId, WEDNESDAY).sessions().stream()
        .filter(session -> session.offeringId() == chess).findFirst().orElseThrow();
    Session left = timetable.on(school.schoolId, WEDNESDAY).sessions().stream()
        .filter(session -> session.offeringId() == homework).findFirst().orElseThrow();

    assertThat(later.children()).extracting(RosterChild::studentId).containsExactly(present);
    assertThat(left.children()).extracting(RosterChild::studentId).as("the session it was taken from keeps its roll")
        .contains(early);
  }

  @Test
  void twoInstancesTickingAtTheSameMomentSendEachMessageOnce() throws Exception {
    clock.set(WEDNESDAY.atTime(17, 46));
    ExecutorService two = Executors.newFixedThreadPool(2);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> ticks = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        ticks.add(two.submit(() -> {
          start.await();
          sessionEnds.tick();
          return null;
        }));
      }
      start.countDown();
      for (Future<?> tick : ticks) {
        tick.get();
      }
    } finally {
      two.shutdown();
    }
    sessionEnds.tick();

    assertThat(messages(present, SessionEnds.READY)).isEqualTo(1);
    assertThat(messages(present, SessionEnds.LATE)).isEqualTo(1);
    assertThat(staffNotices(SessionEnds.OVERDUE)).isEqualTo(1);
  }
}
