package org.kehou.core.duty;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.kehou.core.staff.Staff;

/** The default ratios: a teacher for every 30 pupils or part of it, a manager for every full 90. */
class StaffingTests extends DutyTestSupport {

  @Test
  void thirtyOnePupilsWithOneTeacherAreShortOfATeacher() {
    enrol(homework, 31, WEDNESDAY, null);

    List<Shortfall> shortfalls = staffing.shortfalls(school.schoolId, WEDNESDAY, WEDNESDAY, null);

    assertThat(shortfalls).singleElement().satisfies(s -> {
      assertThat(s.pupils()).isEqualTo(31);
      assertThat(s.teachers()).isEqualTo(1);
      assertThat(s.teachersShort()).isEqualTo(1);
      assertThat(s.managersShort()).isZero();
    });
  }

  @Test
  void thirtyPupilsWithOneTeacherAreStaffed() {
    enrol(homework, 30, WEDNESDAY, null);

    assertThat(staffing.shortfalls(school.schoolId, WEDNESDAY, WEDNESDAY.plusDays(6), null)).isEmpty();
  }

  @Test
  void ninetyPupilsWithThreeTeachersAndNoManagerAreShortOfAManager() {
    enrol(homework, 90, WEDNESDAY, null);
    duties.assign(admin, homework, staff("DUTY_TEACHER").id(), DutyRole.TEACHER, null);
    duties.assign(admin, homework, staff("DUTY_TEACHER").id(), DutyRole.TEACHER, null);

    assertThat(staffing.shortfalls(school.schoolId, WEDNESDAY, WEDNESDAY, null)).singleElement().satisfies(s -> {
      assertThat(s.teachersShort()).isZero();
      assertThat(s.managersShort()).isEqualTo(1);
    });
    duties.assign(admin, homework, staff("CLASS_TEACHER").id(), DutyRole.MANAGER, WEDNESDAY);
    assertThat(staffing.shortfalls(school.schoolId, WEDNESDAY, WEDNESDAY, null)).isEmpty();
    assertThat(staffing.shortfalls(school.schoolId, WEDNESDAY, WEDNESDAY.plusDays(1), null))
        .as("the manager was planned for Wednesday only").extracting(Shortfall::date)
        .containsExactly(WEDNESDAY.plusDays(1));
  }

  @Test
  void theSchoolsOwnRatiosApply() {
    enrol(homework, 20, WEDNESDAY, null);
    rules.set(new DutyRule(school.termId, 3500, 3500, 10, 30, 10, 0, 15, 90), admin.id());

    assertThat(staffing.shortfalls(school.schoolId, WEDNESDAY, WEDNESDAY, null)).singleElement()
        .satisfies(s -> assertThat(s.teachersNeeded()).isEqualTo(2));
  }

  @Test
  void leaveTakenOffTheDaysRosterCanEndAShortfall() {
    enrol(homework, 31, WEDNESDAY, null);
    long child = jdbc.queryForObject("SELECT MIN(id) FROM student WHERE school_id = ?", Long.class, school.schoolId);
    long guardian = jdbc.queryForObject("SELECT guardian_id FROM student_guardian WHERE student_id = ?", Long.class,
        child);
    jdbc.update("INSERT INTO leave_request (school_id, student_id, day, reason, asked_by_guardian, asked_at) "
        + "VALUES (?, ?, ?, '发烧', ?, NOW())", school.schoolId, child, WEDNESDAY, guardian);

    assertThat(staffing.shortfalls(school.schoolId, WEDNESDAY, WEDNESDAY, null)).isEmpty();
  }

  @Test
  void theDailyCheckTellsTheAdminsOnceAcrossTwoInstances() throws Exception {
    enrol(homework, 31, WEDNESDAY, null);
    Staff secondAdmin = staff("SCHOOL_ADMIN");
    bindWechat(admin);
    at(WEDNESDAY, LocalTime.of(14, 5));

    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Callable<Integer> run = () -> ticker.tick();
      for (Future<Integer> f : pool.invokeAll(List.of(run, run))) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    ticker.tick();

    assertThat(notices(admin, StaffingTicker.KIND)).isEqualTo(1);
    assertThat(notices(secondAdmin, StaffingTicker.KIND)).isEqualTo(1);
    assertThat(notices(teacher, StaffingTicker.KIND)).isZero();
    assertThat(jdbc.queryForObject("SELECT body FROM staff_notice WHERE staff_id = ? AND kind = ?", String.class,
        admin.id(), StaffingTicker.KIND)).contains("作业辅导", "31名学生", "缺教师1名");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox_message WHERE staff_id = ? AND kind = ?",
        Integer.class, admin.id(), StaffingTicker.KIND)).as("to the bound WeChat, once").isEqualTo(1);
  }
}
