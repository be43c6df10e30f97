package org.kehou.core.duty;

import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.BeforeEach;
import org.kehou.core.binding.WechatBindingService;
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
 * A school of its own per test, its term from September 2026 to January 2027 on winter times (the service ends at
 * 17:30), with 作业辅导 every weekday from 15:30 to the close, taught by {@link #teacher}.
 */
@SpringBootTest
@Import(SettableClock.Config.class)
abstract class DutyTestSupport {

  /** Wednesday 4 November 2026. */
  static final LocalDate WEDNESDAY = LocalDate.of(2026, 11, 4);

  @Autowired JdbcTemplate jdbc;
  @Autowired SettableClock clock;
  @Autowired Duties duties;
  @Autowired DutySigns signs;
  @Autowired DutyRules rules;
  @Autowired SubsidySheets sheets;
  @Autowired Staffing staffing;
  @Autowired StaffingTicker ticker;
  @Autowired StaffWechat staffWechat;
  @Autowired WechatBindingService bindings;

  SchoolFixture school;
  Staff admin;
  Staff teacher;
  long classId;
  long homework;
  private int pupils;

  @BeforeEach
  void aTermWithAHomeworkSession() {
    at(WEDNESDAY, LocalTime.of(9, 0));
    school = new SchoolFixture(jdbc);
    jdbc.update("UPDATE term SET starts_on = '2026-09-01', ends_on = '2027-01-20', summer_starts_on = NULL, "
        + "summer_ends_on = NULL WHERE id = ?", school.termId);
    admin = staff("SCHOOL_ADMIN");
    teacher = staff("DUTY_TEACHER");
    classId = school.schoolClass(3, "三年级1班", null);
    homework = offering("作业辅导", teacher.id());
  }

  Staff staff(String role) {
    long id = school.staff(role);
    return new Staff(id, school.schoolId, "u" + id, "老师" + id, StaffRole.valueOf(role), true);
  }

  long offering(String name, Long teacherId) {
    jdbc.update("INSERT INTO offering (school_id, term_id, name, kind, weekdays, grades, capacity, starts_at, ends_at, "
        + "teacher_id) VALUES (?, ?, ?, 'HOMEWORK', 31, 63, 200, '15:30', '17:30', ?)", school.schoolId,
        school.termId, name, teacherId);
    return jdbc.queryForObject("SELECT id FROM offering WHERE term_id = ? AND name = ?", Long.class, school.termId,
        name);
  }

  /** {@code count} children seated in the offering with service from {@code from} until before {@code endsOn}. */
  void enrol(long offering, int count, LocalDate from, LocalDate endsOn) {
    for (int i = 0; i < count; i++) {
      long student = school.student(classId, "学生" + (++pupils), "NONE");
      long guardian = school.guardian("家长" + pupils, student, "母亲");
      long application = school.application(student, guardian, "SEATED", offering);
      jdbc.update("UPDATE application SET state = 'ACTIVE', active_from = ?, ends_on = ? WHERE id = ?", from, endsOn,
          application);
    }
  }

  void at(LocalDate date, LocalTime time) {
    clock.set(date.atTime(time));
  }

  /** The staff member binds their own WeChat with a staff code, as in the chat. */
  String bindWechat(Staff who) {
    String openid = "o-staff-" + System.nanoTime();
    bindings.redeem(openid, staffWechat.issueCode(who.id(), who.id()).code());
    return openid;
  }

  int notices(Staff to, String kind) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM staff_notice WHERE staff_id = ? AND kind = ?", Integer.class,
        to.id(), kind);
  }
}
