package org.kehou.core.rollcall;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.kehou.core.binding.WechatBindingService;
import org.kehou.core.outbox.Outbox;
import org.kehou.core.outbox.OutboxMessage;
import org.kehou.core.staff.Staff;
import org.kehou.core.staff.StaffRole;
import org.kehou.core.staff.StaffWechat;
import org.kehou.core.testing.SchoolFixture;
import org.kehou.core.testing.SettableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A school of its own per test with a 作业辅导 session every weekday from 15:30, taught by a duty teacher; four
 * children of 三年级1班 (class teacher {@link #classTeacher}) enrolled, each with a bound guardian. The clock stands on
 * a Wednesday a week or two ahead, at 15:40 unless a test moves it.
 */
@SpringBootTest
@Import(SettableClock.Config.class)
abstract class RollCallTestSupport {

  static final LocalDate WEDNESDAY = LocalDate.now(SettableClock.BEIJING).plusDays(7)
      .with(TemporalAdjusters.nextOrSame(DayOfWeek.WEDNESDAY));

  @Autowired JdbcTemplate jdbc;
  @Autowired SettableClock clock;
  @Autowired RollCallService rollCalls;
  @Autowired AbsenceCases cases;
  @Autowired RollCallTicker ticker;
  @Autowired StaffWechat staffWechat;
  @Autowired WechatBindingService bindings;
  @Autowired Outbox outbox;

  SchoolFixture school;
  Staff admin;
  Staff classTeacher;
  Staff dutyTeacher;
  long classId;
  long homework;
  List<Child> children;

  record Child(long student, long guardian, String name) {
  }

  @BeforeEach
  void aSessionOfFourChildren() {
    at(LocalTime.of(15, 40));
    school = new SchoolFixture(jdbc);
    admin = staff("SCHOOL_ADMIN");
    classTeacher = staff("CLASS_TEACHER");
    dutyTeacher = staff("DUTY_TEACHER");
    classId = school.schoolClass(3, "三年级1班", classTeacher.id());
    homework = offering("作业辅导", classId, dutyTeacher.id());
    children = List.of(child("王小明", classId, homework), child("李雷", classId, homework),
        child("韩梅梅", classId, homework), child("张伟", classId, homework));
  }

  Staff staff(String role) {
    long id = school.staff(role);
    return new Staff(id, school.schoolId, "u" + id, "老师" + id, StaffRole.valueOf(role), true);
  }

  long offering(String name, long unusedClass, long teacherId) {
    jdbc.update("INSERT INTO offering (school_id, term_id, name, kind, weekdays, grades, capacity, starts_at, ends_at, "
        + "teacher_id) VALUES (?, ?, ?, 'CLUB', 31, 63, 30, '15:30', '17:30', ?)", school.schoolId, school.termId, name,
        teacherId);
    return jdbc.queryForObject("SELECT id FROM offering WHERE term_id = ? AND name = ?", Long.class, school.termId,
        name);
  }

  Child child(String name, long classId, long offering) {
    long student = school.student(classId, name, "NONE");
    long guardian = school.guardian(name.charAt(0) + "妈妈", student, "母亲");
    school.bindWeChat(guardian);
    long application = school.application(student, guardian, "SEATED", offering);
    jdbc.update("UPDATE application SET state = 'ACTIVE', active_from = ? WHERE id = ?", WEDNESDAY.minusDays(2),
        application);
    return new Child(student, guardian, name);
  }

  void at(LocalTime time) {
    clock.set(WEDNESDAY.atTime(time));
  }

  LocalDateTime now() {
    return LocalDateTime.now(clock);
  }

  RollCall allPresentExcept(Staff by, Child... absent) {
    return rollCalls.take(by, homework, WEDNESDAY,
        new RollCallInput(null, null, java.util.Arrays.stream(absent).map(Child::student).toList()));
  }

  int notices(Staff to, String kind) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM staff_notice WHERE staff_id = ? AND kind = ?", Integer.class,
        to.id(), kind);
  }

  /** The staff member binds their own WeChat with a staff code, as in the chat. */
  String bindWechat(Staff who) {
    String openid = "o-staff-" + System.nanoTime();
    bindings.redeem(openid, staffWechat.issueCode(who.id(), who.id()).code());
    return openid;
  }

  /** What was queued to the staff member's WeChat. */
  List<OutboxMessage> wechatTo(Staff who) {
    return outbox.forStaff(who.id());
  }

  List<AbsenceCase> casesOfTheDay(Staff as) {
    return cases.ofDay(as, WEDNESDAY);
  }
}
