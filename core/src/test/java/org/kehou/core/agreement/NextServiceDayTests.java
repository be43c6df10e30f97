package org.kehou.core.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kehou.core.lifecycle.Reviewer;
import org.kehou.core.review.ReviewService;
import org.kehou.core.testing.SchoolFixture;
import org.kehou.core.withdrawal.WithdrawalService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

@SpringBootTest
class NextServiceDayTests {

  @Autowired ReviewService reviews;
  @Autowired AgreementService agreements;
  @Autowired WithdrawalService withdrawals;
  @Autowired JdbcTemplate jdbc;

  SchoolFixture school;
  Reviewer admin;
  Reviewer teacher;
  long classId;
  LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

  @BeforeEach
  void school() {
    school = new SchoolFixture(jdbc);
    long teacherId = school.staff("CLASS_TEACHER");
    teacher = new Reviewer(teacherId, school.schoolId, false);
    admin = new Reviewer(school.staff("SCHOOL_ADMIN"), school.schoolId, true);
    classId = school.schoolClass(2, "二年级1班", teacherId);
  }

  @Test
  void anEnrolmentStartsOnTheFirstDayItsOfferingRunsNotMerelyTheNextWeekday() {
    LocalDate sessionDay = aWeekdayAfterTheNextOne();
    long application = signedUp(school.offering("书法", 10, maskOf(sessionDay)));

    assertThat(activeFrom(application)).isEqualTo(sessionDay);
  }

  @Test
  void withSeveralOfferingsTheEnrolmentStartsOnTheEarliestDayAnyOfThemRuns() {
    LocalDate sessionDay = aWeekdayAfterTheNextOne();
    long later = school.offering("足球", 10, maskOf(sessionDay.plusDays(1).getDayOfWeek().getValue() <= 5
        ? sessionDay.plusDays(1) : sessionDay.plusDays(3)));
    long application = signedUp(later, school.offering("书法", 10, maskOf(sessionDay)));

    assertThat(activeFrom(application)).isEqualTo(sessionDay);
  }

  @Test
  void beforeTheTermStartsTheServiceBeginsOnItsFirstSessionInTheTerm() {
    LocalDate termStarts = today.plusDays(10);
    jdbc.update("UPDATE term SET starts_on = ?, summer_starts_on = NULL, summer_ends_on = NULL WHERE id = ?",
        termStarts, school.termId);
    long application = signedUp(school.offering("合唱", 10, 0b00001));

    LocalDate firstMonday = termStarts;
    while (firstMonday.getDayOfWeek().getValue() != 1) {
      firstMonday = firstMonday.plusDays(1);
    }
    assertThat(activeFrom(application)).isEqualTo(firstMonday);
  }

  @Test
  void withdrawingEndsTheServiceOnTheChildsNextSessionDay() {
    LocalDate sessionDay = aWeekdayAfterTheNextOne();
    long offering = school.offering("书法", 10, maskOf(sessionDay));
    long application = signedUp(offering);
    long student = jdbc.queryForObject("SELECT student_id FROM application WHERE id = ?", Long.class, application);
    long guardian = jdbc.queryForObject("SELECT applicant_guardian_id FROM application WHERE id = ?", Long.class,
        application);

    assertThat(withdrawals.withdraw(guardian, student)).get().asString().contains(sessionDay.toString());

    assertThat(jdbc.queryForObject("SELECT ends_on FROM application WHERE id = ?", LocalDate.class, application))
        .isEqualTo(sessionDay);
  }

  @Test
  void theSchoolEndingAnEnrolmentAlsoWaitsForTheNextSessionDay() {
    LocalDate sessionDay = aWeekdayAfterTheNextOne();
    long application = signedUp(school.offering("书法", 10, maskOf(sessionDay)));

    withdrawals.endBySchool(admin, application, "长期未参加");

    assertThat(jdbc.queryForObject("SELECT ends_on FROM application WHERE id = ?", LocalDate.class, application))
        .isEqualTo(sessionDay);
  }

  /** Through the real chain: approved twice, publicity over, agreement offered and signed. */
  private long signedUp(long... offerings) {
    long student = school.student(classId, "陈小雨", "NONE");
    long guardian = school.guardian("陈妈妈", student, "母亲");
    String openid = school.bindWeChat(guardian);
    long application = school.application(student, guardian, "SEATED", offerings);
    reviews.classApprove(teacher, application);
    reviews.schoolApprove(admin, application);
    agreements.offer(application);
    assertThat(agreements.sign(guardian, openid, student, "陈小雨", "陈妈妈").result())
        .isEqualTo(AgreementService.SignOutcome.Result.SIGNED);
    return application;
  }

  private LocalDate activeFrom(long application) {
    return jdbc.queryForObject("SELECT active_from FROM application WHERE id = ?", LocalDate.class, application);
  }

  /** A Monday-to-Friday day two to six days ahead that is not the next weekday (what the old rule would pick). */
  private LocalDate aWeekdayAfterTheNextOne() {
    LocalDate nextWeekday = today.plusDays(1);
    while (nextWeekday.getDayOfWeek().getValue() > 5) {
      nextWeekday = nextWeekday.plusDays(1);
    }
    LocalDate day = nextWeekday.plusDays(1);
    while (day.getDayOfWeek().getValue() > 5) {
      day = day.plusDays(1);
    }
    return day;
  }

  private static int maskOf(LocalDate day) {
    return 1 << (day.getDayOfWeek().getValue() - 1);
  }
}
