package org.kehou.core.fee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kehou.core.testing.SchoolFixture;
import org.kehou.core.testing.SettableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Monthly fees in October 2026 (22 weekdays, the 1st a Thursday): National Day on the 1st and 2nd, Saturday the 10th
 * a 调休 day running Friday's timetable, the 14th cancelled. 1.5 lessons a session at 3.50 yuan a lesson; hardship
 * children pay half. Every child is enrolled Monday to Friday in homework care from September on.
 */
@SpringBootTest
@Import(SettableClock.Config.class)
class FeeTests {

  static final YearMonth OCTOBER = YearMonth.of(2026, 10);
  static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

  @Autowired JdbcTemplate jdbc;
  @Autowired SettableClock clock;
  @Autowired FeeStatements statements;
  @Autowired FeeRules rules;

  SchoolFixture school;
  long xiaoming;
  long lilei;
  long hanmeimei;
  long xiaomingsMother;

  @BeforeEach
  void aTermFromSeptemberWithItsCalendar() {
    clock.set(LocalDate.of(2026, 11, 3).atTime(9, 0));
    school = new SchoolFixture(jdbc);
    jdbc.update("UPDATE term SET starts_on = '2026-09-01', ends_on = '2027-01-20', summer_starts_on = NULL, "
        + "summer_ends_on = NULL WHERE id = ?", school.termId);
    long admin = school.staff("SCHOOL_ADMIN");
    rules.set(new FeeRule(school.termId, 15, 50), admin);
    day("2026-10-01", "HOLIDAY", null);
    day("2026-10-02", "HOLIDAY", null);
    day("2026-10-10", "WORKDAY", "FRI");
    day("2026-10-14", "CANCELLED", null);
    long classId = school.schoolClass(3, "三年级1班", null);
    long homework = school.offering("作业辅导", 50);
    xiaoming = enrolled(classId, homework, "王小明", "NONE");
    lilei = enrolled(classId, homework, "李雷", "NONE");
    hanmeimei = enrolled(classId, homework, "韩梅梅", "HARDSHIP");
    xiaomingsMother = jdbc.queryForObject("SELECT guardian_id FROM student_guardian WHERE student_id = ?", Long.class,
        xiaoming);
    school.guardian("王爸爸", xiaoming, "父亲");
    jdbc.update("INSERT INTO leave_request (school_id, student_id, day, reason, asked_by_guardian, asked_at) "
        + "VALUES (?, ?, '2026-10-20', '发烧', ?, NOW())", school.schoolId, xiaoming, xiaomingsMother);
    // 李雷 withdrew: the 16th is his first day without service.
    jdbc.update("UPDATE application SET state = 'ENDED', ends_on = '2026-10-16' WHERE student_id = ?", lilei);
  }

  @Test
  void octoberCountsHolidaysSwappedDaysCancellationsLeaveAndWithdrawal() {
    assertThat(statements.issue(school.schoolId, OCTOBER)).isEqualTo(3);

    Map<Long, FeeStatement> october = byChild(OCTOBER);
    // 22 weekdays - 2 holidays + 1 调休 - 1 cancelled = 20 sessions; 王小明 was on leave one day.
    assertThat(october.get(xiaoming)).extracting(FeeStatement::sessions, FeeStatement::lessonTenths,
        FeeStatement::leaveDays, FeeStatement::grossFen, FeeStatement::amountFen).containsExactly(19, 285, 1, 9975, 9975);
    // Up to the 15th: the 5th-9th, the 调休 10th, the 12th, 13th and 15th.
    assertThat(october.get(lilei).sessions()).isEqualTo(9);
    assertThat(october.get(lilei).amountFen()).isEqualTo(4725);
    assertThat(october.get(hanmeimei)).extracting(FeeStatement::sessions, FeeStatement::grossFen,
        FeeStatement::reductionFen, FeeStatement::amountFen).containsExactly(20, 10500, 5250, 5250);
  }

  @Test
  void eachGuardianIsToldTheirChildsStatementAndAReRunIssuesNothing() {
    statements.issue(school.schoolId, OCTOBER);

    assertThat(statements.issue(school.schoolId, OCTOBER)).isZero();
    List<String> bodies = jdbc.queryForList("SELECT body FROM outbox_message WHERE kind = 'fee-statement' "
        + "AND student_id = ?", String.class, xiaoming);
    assertThat(bodies).hasSize(2);
    assertThat(bodies.get(0)).contains("王小明", "2026年10月", "19次", "28.5课时", "3.50元", "99.75元", "请假1天")
        .doesNotContain("减免");
    assertThat(jdbc.queryForObject("SELECT body FROM outbox_message WHERE kind = 'fee-statement' AND student_id = ?",
        String.class, hanmeimei)).contains("减免52.50元", "52.50元");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox_message WHERE kind = 'fee-statement' "
        + "AND school_id = ? AND body LIKE '%减免%'", Integer.class, school.schoolId))
        .as("the reduction reaches only the hardship child's own family").isEqualTo(1);
  }

  @Test
  void leaveRecordedAfterTheStatementShowsAsAnAdjustmentNextMonth() {
    statements.issue(school.schoolId, OCTOBER);
    jdbc.update("INSERT INTO leave_request (school_id, student_id, day, reason, asked_by_guardian, asked_at) "
        + "VALUES (?, ?, '2026-10-21', '补登', ?, NOW())", school.schoolId, xiaoming, xiaomingsMother);
    clock.set(LocalDate.of(2026, 12, 2).atTime(9, 0));

    statements.issue(school.schoolId, NOVEMBER);

    assertThat(byChild(OCTOBER).get(xiaoming).amountFen()).as("October's statement stands").isEqualTo(9975);
    FeeStatement.WithAdjustments november = statements.ofStudent(xiaoming, 1).get(0);
    assertThat(november.adjustments()).containsExactly(new FeeStatement.Adjustment(OCTOBER.atDay(1), -1, -525));
    assertThat(statements.ofMonth(school.schoolId, NOVEMBER)).as("the month's list carries it too")
        .filteredOn(s -> s.statement().studentId() == xiaoming).singleElement()
        .extracting(FeeStatement.WithAdjustments::adjustments).asList()
        .containsExactly(new FeeStatement.Adjustment(OCTOBER.atDay(1), -1, -525));
    // November: 21 weekdays at 1.5 lessons = 110.25 yuan, less the October day.
    assertThat(november.statement()).extracting(FeeStatement::sessions, FeeStatement::chargedFen,
        FeeStatement::adjustmentFen, FeeStatement::amountFen).containsExactly(21, 11025, -525, 10500);
    assertThat(jdbc.queryForObject("SELECT body FROM outbox_message WHERE kind = 'fee-statement' AND student_id = ? "
        + "AND dedup_key LIKE '%2026-11%' LIMIT 1", String.class, xiaoming)).contains("更正2026年10月：-1次服务，-5.25元");
    // 李雷 left in October: no November statement, no correction owed.
    assertThat(statements.ofStudent(lilei, 5)).hasSize(1);
  }

  @Test
  void aMonthNotOverIsNotIssuedAndTwoInstancesIssueItOnce() throws Exception {
    assertThatThrownBy(() -> statements.issue(school.schoolId, NOVEMBER)).isInstanceOf(IllegalArgumentException.class);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Callable<Integer> issue = () -> statements.issue(school.schoolId, OCTOBER);
      int total = 0;
      for (Future<Integer> f : pool.invokeAll(List.of(issue, issue))) {
        total += f.get();
      }
      assertThat(total).isEqualTo(3);
    } finally {
      pool.shutdown();
    }
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM fee_statement WHERE school_id = ?", Integer.class,
        school.schoolId)).isEqualTo(3);
  }

  private Map<Long, FeeStatement> byChild(YearMonth month) {
    return statements.ofMonth(school.schoolId, month).stream().map(FeeStatement.WithAdjustments::statement)
        .collect(java.util.stream.Collectors.toMap(FeeStatement::studentId, s -> s));
  }

  private long enrolled(long classId, long offering, String name, String priority) {
    long student = school.student(classId, name, priority);
    long guardian = school.guardian(name.charAt(0) + "妈妈", student, "母亲");
    long application = school.application(student, guardian, "SEATED", offering);
    jdbc.update("UPDATE application SET state = 'ACTIVE', active_from = '2026-09-01' WHERE id = ?", application);
    return student;
  }

  private void day(String date, String kind, String runsAs) {
    jdbc.update("INSERT INTO calendar_day (school_id, term_id, day, kind, runs_as, created_at) "
        + "VALUES (?, ?, ?, ?, ?, NOW())", school.schoolId, school.termId, date, kind, runsAs);
  }
}
