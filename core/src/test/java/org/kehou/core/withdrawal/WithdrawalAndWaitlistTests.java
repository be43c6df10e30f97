package org.kehou.core.withdrawal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kehou.core.agreement.AgreementService;
import org.kehou.core.lifecycle.ReviewRefused;
import org.kehou.core.lifecycle.Reviewer;
import org.kehou.core.review.ReviewService;
import org.kehou.core.testing.SchoolFixture;
import org.kehou.core.waitlist.WaitlistService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

// These tests run on the real clock: without quiet hours (start = end) the halfway reminder is queued at any hour, not
// only when the suite happens to run between 07:00 and 21:30 Beijing time.
@SpringBootTest(properties = {"kehou.reminders.quiet-start=00:00", "kehou.reminders.quiet-end=00:00"})
class WithdrawalAndWaitlistTests {

  @Autowired ReviewService reviews;
  @Autowired AgreementService agreements;
  @Autowired WithdrawalService withdrawals;
  @Autowired WaitlistService waitlist;
  @Autowired JdbcTemplate jdbc;

  SchoolFixture school;
  Reviewer admin;
  Reviewer teacher;
  long classId;
  long chess;

  @BeforeEach
  void oneSeatOffering() {
    school = new SchoolFixture(jdbc);
    long teacherId = school.staff("CLASS_TEACHER");
    teacher = new Reviewer(teacherId, school.schoolId, false);
    admin = new Reviewer(school.staff("SCHOOL_ADMIN"), school.schoolId, true);
    classId = school.schoolClass(3, "三年级2班", teacherId);
    chess = school.offering("围棋", 1);
  }

  record Family(long student, long guardian, long application) {
  }

  Family apply(String child, String priority, String choiceStatus) {
    long student = school.student(classId, child, priority);
    long guardian = school.guardian(child.charAt(0) + "妈妈", student, "母亲");
    school.bindWeChat(guardian);
    return new Family(student, guardian, school.application(student, guardian, choiceStatus, chess));
  }

  String choice(Family family) {
    return jdbc.queryForObject("SELECT status FROM application_choice WHERE application_id = ?", String.class,
        family.application());
  }

  int messages(Family family, String kind) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM outbox_message WHERE student_id = ? AND kind = ?", Integer.class,
        family.student(), kind);
  }

  @Test
  void parentWithdrawsAndTheLeftBehindPupilOnTheWaitlistIsOfferedFirst() {
    Family seated = apply("王小明", "NONE", "SEATED");
    Family early = apply("李早早", "NONE", "WAITLISTED");
    Family leftBehind = apply("赵留守", "LEFT_BEHIND", "WAITLISTED");

    assertThat(withdrawals.withdraw(seated.guardian(), seated.student())).get().asString().contains("王小明");

    assertThat(school.state(seated.application())).isEqualTo("WITHDRAWN");
    assertThat(choice(leftBehind)).isEqualTo("OFFERED");
    assertThat(choice(early)).isEqualTo("WAITLISTED");
    assertThat(messages(leftBehind, "waitlist-offer")).isEqualTo(1);
    assertThat(withdrawals.notices(teacher.staffId())).singleElement()
        .satisfies(n -> assertThat(n.body()).contains("王小明"));
  }

  @Test
  void aDeclinedOfferMovesOnToTheNextChild() {
    Family seated = apply("王小明", "NONE", "SEATED");
    Family first = apply("李一一", "NONE", "WAITLISTED");
    Family second = apply("张二二", "NONE", "WAITLISTED");
    withdrawals.withdraw(seated.guardian(), seated.student());
    assertThat(choice(first)).isEqualTo("OFFERED");

    assertThat(waitlist.decline(first.student())).isPresent();

    assertThat(choice(first)).isEqualTo("RELEASED");
    assertThat(choice(second)).isEqualTo("OFFERED");
    assertThat(waitlist.decline(first.student())).as("nothing left to decline").isEmpty();
  }

  @Test
  void anUnansweredOfferExpiresAndMovesOnAfterOneHalfwayReminder() {
    Family seated = apply("王小明", "NONE", "SEATED");
    Family silent = apply("李沉默", "NONE", "WAITLISTED");
    Family next = apply("张下一", "NONE", "WAITLISTED");
    withdrawals.withdraw(seated.guardian(), seated.student());

    jdbc.update("UPDATE application_choice SET offered_at = NOW(3) - INTERVAL 30 HOUR, "
        + "offer_expires_at = NOW(3) + INTERVAL 18 HOUR WHERE application_id = ?", silent.application());
    waitlist.remindHalfway();
    waitlist.remindHalfway();
    assertThat(messages(silent, "waitlist-offer-reminder")).as("one reminder, however often the job runs").isEqualTo(1);

    jdbc.update("UPDATE application_choice SET offer_expires_at = NOW(3) - INTERVAL 1 MINUTE WHERE application_id = ?",
        silent.application());
    assertThat(waitlist.expireOffers()).isEqualTo(1);

    assertThat(choice(silent)).isEqualTo("RELEASED");
    assertThat(choice(next)).isEqualTo("OFFERED");
    assertThat(messages(silent, "waitlist-expired")).isEqualTo(1);
    assertThat(waitlist.accept(silent.guardian(), silent.student())).as("too late to accept").isEmpty();
  }

  @Test
  void anAcceptedOfferJoinsTheAgreementLikeAnyOtherSeat() {
    Family seated = apply("王小明", "NONE", "SEATED");
    Family waiting = apply("李等候", "NONE", "WAITLISTED");
    reviews.classApprove(teacher, waiting.application());
    reviews.schoolApprove(admin, waiting.application());
    assertThat(agreements.offer(waiting.application())).as("nothing to sign while only waitlisted").isFalse();
    assertThat(agreements.pendingText(waiting.student())).isEmpty();

    withdrawals.withdraw(seated.guardian(), seated.student());
    assertThat(waitlist.hasOpenOffer(waiting.student())).isTrue();
    assertThat(waitlist.accept(waiting.guardian(), waiting.student())).get().asString().contains("围棋");

    assertThat(choice(waiting)).isEqualTo("SEATED");
    assertThat(agreements.offer(waiting.application())).isTrue();
    assertThat(agreements.pendingText(waiting.student()).orElseThrow()).contains("围棋");
    assertThat(agreements.sign(waiting.guardian(), "o1", waiting.student(), "李等候", "李妈妈").result())
        .isEqualTo(AgreementService.SignOutcome.Result.SIGNED);
    assertThat(school.state(waiting.application())).isEqualTo("ACTIVE");
  }

  @Test
  void withdrawingAnActiveEnrolmentEndsItFromTheNextServiceDay() {
    Family family = apply("王小明", "NONE", "SEATED");
    reviews.classApprove(teacher, family.application());
    reviews.schoolApprove(admin, family.application());
    agreements.offer(family.application());
    agreements.sign(family.guardian(), "o2", family.student(), "王小明", "王妈妈");

    withdrawals.withdraw(family.guardian(), family.student());

    assertThat(school.state(family.application())).isEqualTo("ENDED");
    LocalDate endsOn = jdbc.queryForObject("SELECT ends_on FROM application WHERE id = ?", LocalDate.class,
        family.application());
    LocalDate nextWeekday = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(1);
    while (nextWeekday.getDayOfWeek().getValue() > 5) {
      nextWeekday = nextWeekday.plusDays(1);
    }
    assertThat(endsOn).as("围棋 runs Monday to Friday").isEqualTo(nextWeekday);
    assertThat(withdrawals.withdraw(family.guardian(), family.student())).as("nothing left to withdraw").isEmpty();
  }

  @Test
  void theSchoolEndsAnActiveEnrolmentWithAReasonTheParentsAreTold() {
    Family family = apply("王小明", "NONE", "SEATED");
    assertThatThrownBy(() -> withdrawals.endBySchool(admin, family.application(), "多次未按时接送"))
        .isInstanceOfSatisfying(ReviewRefused.class,
            e -> assertThat(e.kind()).isEqualTo(ReviewRefused.Kind.ILLEGAL_TRANSITION));
    reviews.classApprove(teacher, family.application());
    reviews.schoolApprove(admin, family.application());
    agreements.offer(family.application());
    agreements.sign(family.guardian(), "o3", family.student(), "王小明", "王妈妈");

    withdrawals.endBySchool(admin, family.application(), "多次未按时接送");

    assertThat(school.state(family.application())).isEqualTo("ENDED");
    String body = jdbc.queryForObject("SELECT body FROM outbox_message WHERE student_id = ? AND kind = "
        + "'ended-by-school'", String.class, family.student());
    assertThat(body).contains("多次未按时接送").contains("王小明");
  }
}
