package org.kehou.core.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kehou.core.lifecycle.Reviewer;
import org.kehou.core.review.ReviewService;
import org.kehou.core.testing.SchoolFixture;
import org.kehou.core.waitlist.WaitlistService;
import org.kehou.core.withdrawal.WithdrawalService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A reminder not yet sent is dropped as soon as the step it nudges is settled, whichever way: a seat offer accepted,
 * declined, expired or given up with the whole application; an agreement signed, lapsed or withdrawn from. A reminder
 * already claimed by a dispatcher is dropped too (the dispatcher checks again right before sending).
 * Quiet hours are off (start = end) so reminders are queued at any hour.
 */
@SpringBootTest(properties = {"kehou.reminders.quiet-start=00:00", "kehou.reminders.quiet-end=00:00"})
class SettledStepsDropRemindersTests {

  @Autowired ReviewService reviews;
  @Autowired AgreementService agreements;
  @Autowired AgreementReminders agreementReminders;
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

  Family apply(String child, String choiceStatus) {
    long student = school.student(classId, child, "NONE");
    long guardian = school.guardian(child.charAt(0) + "妈妈", student, "母亲");
    school.bindWeChat(guardian);
    return new Family(student, guardian, school.application(student, guardian, choiceStatus, chess));
  }

  String reminderStates(Family family, String kind) {
    return String.join(",", jdbc.queryForList("SELECT state FROM outbox_message WHERE student_id = ? AND kind = ? "
        + "ORDER BY id", String.class, family.student(), kind));
  }

  /** A seat is offered to {@code waiting} and its halfway reminder queued. */
  Family offeredWithReminder() {
    Family seated = apply("王小明", "SEATED");
    Family waiting = apply("李等候", "WAITLISTED");
    withdrawals.withdraw(seated.guardian(), seated.student());
    jdbc.update("UPDATE application_choice SET offered_at = NOW(3) - INTERVAL 30 HOUR, "
        + "offer_expires_at = NOW(3) + INTERVAL 18 HOUR WHERE application_id = ?", waiting.application());
    waitlist.remindHalfway();
    assertThat(reminderStates(waiting, "waitlist-offer-reminder")).isEqualTo("PENDING");
    return waiting;
  }

  /** {@code family}'s agreement waits for a signature and its after-a-day reminder is queued. */
  Family agreementWithReminder() {
    Family family = apply("王小明", "SEATED");
    reviews.classApprove(teacher, family.application());
    reviews.schoolApprove(admin, family.application());
    agreements.offer(family.application());
    jdbc.update("UPDATE application SET agreement_sent_at = NOW(3) - INTERVAL 25 HOUR WHERE id = ?",
        family.application());
    agreementReminders.remind();
    assertThat(reminderStates(family, "agreement-reminder")).isEqualTo("PENDING");
    return family;
  }

  @Test
  void aDeclinedOfferIsNotRemindedAbout() {
    Family waiting = offeredWithReminder();
    waitlist.decline(waiting.student());
    assertThat(reminderStates(waiting, "waitlist-offer-reminder")).isEqualTo("CANCELLED");
  }

  @Test
  void anExpiredOfferIsNotRemindedAbout() {
    Family waiting = offeredWithReminder();
    jdbc.update("UPDATE application_choice SET offer_expires_at = NOW(3) - INTERVAL 1 MINUTE WHERE application_id = ?",
        waiting.application());
    waitlist.expireOffers();
    assertThat(reminderStates(waiting, "waitlist-offer-reminder")).isEqualTo("CANCELLED");
  }

  @Test
  void anOfferWhoseApplicationIsWithdrawnIsNotRemindedAboutEvenOnceClaimedForSending() {
    Family waiting = offeredWithReminder();
    jdbc.update("UPDATE outbox_message SET state = 'SENDING', claim_token = 'a-dispatcher' WHERE student_id = ? "
        + "AND kind = 'waitlist-offer-reminder'", waiting.student());
    withdrawals.withdraw(waiting.guardian(), waiting.student());
    assertThat(reminderStates(waiting, "waitlist-offer-reminder")).isEqualTo("CANCELLED");
  }

  @Test
  void anAcceptedOfferIsNotRemindedAbout() {
    Family waiting = offeredWithReminder();
    waitlist.accept(waiting.guardian(), waiting.student());
    assertThat(reminderStates(waiting, "waitlist-offer-reminder")).isEqualTo("CANCELLED");
  }

  @Test
  void aLapsedAgreementIsNotRemindedAbout() {
    Family family = agreementWithReminder();
    agreements.lapse(family.application());
    assertThat(reminderStates(family, "agreement-reminder")).isEqualTo("CANCELLED");
  }

  @Test
  void anAgreementWithdrawnFromIsNotRemindedAbout() {
    Family family = agreementWithReminder();
    withdrawals.withdraw(family.guardian(), family.student());
    assertThat(reminderStates(family, "agreement-reminder")).isEqualTo("CANCELLED");
  }
}
