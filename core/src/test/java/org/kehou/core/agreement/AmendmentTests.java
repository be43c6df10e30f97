package org.kehou.core.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kehou.core.agreement.AgreementService.SignOutcome;
import org.kehou.core.lifecycle.LifecycleTicker;
import org.kehou.core.lifecycle.Reviewer;
import org.kehou.core.review.ReviewService;
import org.kehou.core.testing.SchoolFixture;
import org.kehou.core.waitlist.WaitlistService;
import org.kehou.core.withdrawal.WithdrawalService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A seat an active enrolment accepts from the waitlist is signed for again, by its own deadline, or goes to the next
 * child while the seats already signed stay. Quiet hours are off (start = end) so reminders are queued at any hour.
 */
@SpringBootTest(properties = {"kehou.reminders.quiet-start=00:00", "kehou.reminders.quiet-end=00:00"})
class AmendmentTests {

  @Autowired ReviewService reviews;
  @Autowired AgreementService agreements;
  @Autowired Amendments amendments;
  @Autowired AgreementReminders reminders;
  @Autowired WaitlistService waitlist;
  @Autowired WithdrawalService withdrawals;
  @Autowired LifecycleTicker ticker;
  @Autowired JdbcTemplate jdbc;

  SchoolFixture school;
  Reviewer admin;
  long classId;
  long reading;
  long chess;
  long calligraphy;
  Family xinyi;
  long father;

  record Family(long student, long guardian, long application) {
  }

  /**
   * 朱欣怡 is active in 阅读 and waits for 围棋 and 书法, whose one seat each other children hold; 李等候 waits for 围棋
   * after her.
   */
  @BeforeEach
  void activeChildOnTwoWaitlists() {
    school = new SchoolFixture(jdbc);
    admin = new Reviewer(school.staff("SCHOOL_ADMIN"), school.schoolId, true);
    classId = school.schoolClass(2, "二年级1班", school.staff("CLASS_TEACHER"));
    reading = school.offering("阅读", 10);
    chess = school.offering("围棋", 1);
    calligraphy = school.offering("书法", 1);
    apply("王小明", "SEATED", chess);
    apply("张一一", "SEATED", calligraphy);
    xinyi = apply("朱欣怡", "SEATED", reading);
    father = school.guardian("朱国强", xinyi.student(), "父亲");
    school.bindWeChat(father);
    for (long offering : List.of(chess, calligraphy)) {
      jdbc.update("INSERT INTO application_choice (application_id, offering_id, status) VALUES (?, ?, 'WAITLISTED')",
          xinyi.application(), offering);
    }
    apply("李等候", "WAITLISTED", chess);
    reviews.classApprove(admin, xinyi.application());
    reviews.schoolApprove(admin, xinyi.application());
    agreements.offer(xinyi.application());
    assertThat(agreements.sign(xinyi.guardian(), "o-mother", xinyi.student(), "朱欣怡", "朱妈妈").result())
        .isEqualTo(SignOutcome.Result.SIGNED);
  }

  Family apply(String child, String choiceStatus, long offering) {
    long student = school.student(classId, child, "NONE");
    long guardian = school.guardian(child.charAt(0) + "妈妈", student, "母亲");
    school.bindWeChat(guardian);
    return new Family(student, guardian, school.application(student, guardian, choiceStatus, offering));
  }

  Family child(String name) {
    long student = jdbc.queryForObject("SELECT id FROM student WHERE school_id = ? AND name = ?", Long.class,
        school.schoolId, name);
    return jdbc.queryForObject("SELECT a.student_id, a.applicant_guardian_id, a.id FROM application a "
        + "WHERE a.student_id = ? ORDER BY a.id DESC LIMIT 1",
        (rs, n) -> new Family(rs.getLong(1), rs.getLong(2), rs.getLong(3)), student);
  }

  /** The seat in {@code offering} is freed, offered to 朱欣怡 and accepted by her mother; returns the reply. */
  String freedAndAccepted(long offering, String holder) {
    Family seated = child(holder);
    withdrawals.withdraw(seated.guardian(), seated.student());
    assertThat(choice(xinyi, offering)).isEqualTo("OFFERED");
    return waitlist.accept(xinyi.guardian(), xinyi.student()).orElseThrow();
  }

  long choiceId(Family family, long offering) {
    return jdbc.queryForObject("SELECT id FROM application_choice WHERE application_id = ? AND offering_id = ?",
        Long.class, family.application(), offering);
  }

  String choice(Family family, long offering) {
    return jdbc.queryForObject("SELECT status FROM application_choice WHERE application_id = ? AND offering_id = ?",
        String.class, family.application(), offering);
  }

  boolean signed(long offering) {
    return jdbc.queryForObject("SELECT signed_at IS NOT NULL FROM application_choice WHERE application_id = ? "
        + "AND offering_id = ?", Boolean.class, xinyi.application(), offering);
  }

  List<String> messages(String kind) {
    return jdbc.queryForList("SELECT state FROM outbox_message WHERE student_id = ? AND kind = ? AND guardian_id = ? "
        + "ORDER BY id", String.class, xinyi.student(), kind, father);
  }

  void deadlinePassed(long offering) {
    jdbc.update("UPDATE application_choice SET sign_by = NOW(3) - INTERVAL 1 MINUTE WHERE id = ?",
        choiceId(xinyi, offering));
  }

  @Test
  void activeChildAcceptingAWaitlistSeatSignsAgainBeforeTheDeadline() {
    String reply = freedAndAccepted(chess, "王小明");

    assertThat(reply).contains("已为朱欣怡接受围棋的名额", "签署", "候补");
    assertThat(school.state(xinyi.application())).isEqualTo("ACTIVE");
    assertThat(choice(xinyi, chess)).as("the seat is held meanwhile").isEqualTo("SEATED");
    assertThat(signed(reading)).as("signed with the first agreement").isTrue();
    assertThat(signed(chess)).as("not yet signed").isFalse();
    List<PendingSeat> pending = amendments.pending(xinyi.application());
    assertThat(pending).singleElement().satisfies(seat -> {
      assertThat(seat.offering()).isEqualTo("围棋");
      assertThat(Duration.between(seat.signAskedAt(), seat.signBy())).as("the term's time to sign")
          .isEqualTo(Duration.ofDays(7));
    });
    String deadline = Amendments.WHEN.format(pending.get(0).signBy());
    assertThat(reply).contains(deadline);
    assertThat(agreements.pendingText(xinyi.student()).orElseThrow()).as("the seats signed and the one added")
        .contains("阅读", "围棋").doesNotContain("书法");
    assertThat(agreements.pendingReply(xinyi.student()).orElseThrow()).contains("朱欣怡", "围棋", deadline);
    assertThat(messages("agreement-amendment")).as("the other guardian is told; the one who accepted was answered")
        .hasSize(1);
    assertThat(jdbc.queryForObject("SELECT body FROM outbox_message WHERE student_id = ? AND kind = "
        + "'agreement-amendment'", String.class, xinyi.student())).contains("朱欣怡", "围棋", deadline);

    SignOutcome outcome = agreements.sign(father, "o-father", xinyi.student(), "朱欣怡", "朱国强");

    assertThat(outcome.result()).isEqualTo(SignOutcome.Result.SIGNED);
    assertThat(signed(chess)).isTrue();
    assertThat(amendments.pending(xinyi.application())).isEmpty();
    assertThat(agreements.pendingText(xinyi.student())).isEmpty();
    assertThat(agreements.signatures(admin, xinyi.application())).hasSize(2).last()
        .satisfies(s -> assertThat(s.text()).contains("阅读", "围棋"));
    deadlinePassed(chess);
    assertThat(amendments.pastDeadline()).as("a signed seat never lapses").doesNotContain(choiceId(xinyi, chess));
    assertThat(amendments.lapse(choiceId(xinyi, chess))).isFalse();
    assertThat(choice(xinyi, chess)).isEqualTo("SEATED");
  }

  @Test
  void unsignedAddedSeatLapsesAndGoesToTheNextChild() {
    freedAndAccepted(chess, "王小明");
    long added = choiceId(xinyi, chess);
    deadlinePassed(chess);

    assertThat(amendments.pastDeadline()).contains(added);
    ticker.tick();

    assertThat(choice(xinyi, chess)).isEqualTo("RELEASED");
    assertThat(choice(child("李等候"), chess)).as("offered on to the next child").isEqualTo("OFFERED");
    assertThat(school.state(xinyi.application())).as("the enrolment goes on").isEqualTo("ACTIVE");
    assertThat(choice(xinyi, reading)).isEqualTo("SEATED");
    assertThat(signed(reading)).isTrue();
    assertThat(agreements.pendingText(xinyi.student())).as("the signed agreement stands").isEmpty();
    assertThat(agreements.signatures(admin, xinyi.application())).singleElement()
        .satisfies(s -> assertThat(s.text()).contains("阅读").doesNotContain("围棋"));
    assertThat(jdbc.queryForList("SELECT body FROM outbox_message WHERE student_id = ? AND kind = "
        + "'agreement-amendment-lapsed'", String.class, xinyi.student())).as("both guardians, once")
        .hasSize(2).allSatisfy(body -> assertThat(body).contains("朱欣怡", "围棋", "已签署的服务项目照常"));
    assertThat(amendments.lapse(added)).as("a second run changes nothing").isFalse();
    assertThat(agreements.sign(xinyi.guardian(), "o-mother", xinyi.student(), "朱欣怡", "朱妈妈").result())
        .isEqualTo(SignOutcome.Result.NOTHING_TO_SIGN);
  }

  @Test
  void amendmentReminderOnceAndDroppedWhenSigned() {
    freedAndAccepted(chess, "王小明");
    reminders.remind();
    assertThat(messages("agreement-amendment-reminder")).as("not yet a day").isEmpty();

    jdbc.update("UPDATE application_choice SET sign_asked_at = NOW(3) - INTERVAL 25 HOUR WHERE id = ?",
        choiceId(xinyi, chess));
    reminders.remind();
    reminders.remind();
    assertThat(messages("agreement-amendment-reminder")).as("one reminder after 24 hours").hasSize(1);

    jdbc.update("UPDATE application_choice SET sign_by = NOW(3) + INTERVAL 20 HOUR WHERE id = ?",
        choiceId(xinyi, chess));
    ticker.tick();
    ticker.tick();
    assertThat(messages("agreement-amendment-reminder")).as("and one on the last day").hasSize(2);
    assertThat(jdbc.queryForList("SELECT body FROM outbox_message WHERE student_id = ? AND kind = "
        + "'agreement-amendment-reminder'", String.class, xinyi.student()))
        .allSatisfy(body -> assertThat(body).contains("朱欣怡", "围棋"));

    agreements.sign(xinyi.guardian(), "o-mother", xinyi.student(), "朱欣怡", "朱妈妈");

    assertThat(messages("agreement-amendment-reminder")).as("unsent reminders are dropped once signed")
        .containsOnly("CANCELLED");
    reminders.remind();
    assertThat(messages("agreement-amendment-reminder")).as("and none comes after").hasSize(2);
  }

  @Test
  void aSecondSeatAddedMeanwhileKeepsItsOwnDeadlineAndOutlivesTheFirstsLapse() {
    freedAndAccepted(chess, "王小明");
    jdbc.update("UPDATE application_choice SET sign_by = NOW(3) + INTERVAL 2 DAY WHERE id = ?",
        choiceId(xinyi, chess));
    freedAndAccepted(calligraphy, "张一一");

    assertThat(amendments.pending(xinyi.application())).extracting(PendingSeat::offering)
        .as("earliest deadline first").containsExactly("围棋", "书法");
    assertThat(agreements.pendingText(xinyi.student()).orElseThrow()).contains("阅读", "围棋", "书法");
    jdbc.update("UPDATE application_choice SET sign_asked_at = NOW(3) - INTERVAL 25 HOUR WHERE application_id = ?",
        xinyi.application());
    reminders.remind();
    assertThat(messages("agreement-amendment-reminder")).as("one per added seat").hasSize(2);

    deadlinePassed(chess);
    ticker.tick();

    assertThat(choice(xinyi, chess)).isEqualTo("RELEASED");
    assertThat(choice(xinyi, calligraphy)).isEqualTo("SEATED");
    assertThat(messages("agreement-amendment-reminder")).as("the lapsed seat's reminder is dropped, not the other's")
        .containsExactly("CANCELLED", "PENDING");
    assertThat(amendments.pending(xinyi.application())).extracting(PendingSeat::offering).containsExactly("书法");
    assertThat(agreements.pendingText(xinyi.student()).orElseThrow()).as("the text lists exactly the seats held")
        .contains("阅读", "书法").doesNotContain("围棋");
    assertThat(jdbc.queryForObject("SELECT body FROM outbox_message WHERE guardian_id = ? AND kind = "
        + "'agreement-amendment-lapsed'", String.class, father)).contains("围棋", "仍待签署");

    assertThat(agreements.sign(father, "o-father", xinyi.student(), "朱欣怡", "朱国强").result())
        .isEqualTo(SignOutcome.Result.SIGNED);
    assertThat(signed(calligraphy)).isTrue();
    assertThat(agreements.signatures(admin, xinyi.application())).last()
        .satisfies(s -> assertThat(s.text()).contains("阅读", "书法").doesNotContain("围棋"));
  }

  @Test
  void withdrawingWhileAnAmendmentWaitsReleasesEverySeatAndDropsItsReminders() {
    freedAndAccepted(chess, "王小明");
    jdbc.update("UPDATE application_choice SET sign_asked_at = NOW(3) - INTERVAL 25 HOUR WHERE id = ?",
        choiceId(xinyi, chess));
    reminders.remind();

    assertThat(withdrawals.withdraw(xinyi.guardian(), xinyi.student())).isPresent();

    assertThat(school.state(xinyi.application())).isEqualTo("ENDED");
    assertThat(choice(xinyi, chess)).isEqualTo("RELEASED");
    assertThat(choice(xinyi, reading)).isEqualTo("RELEASED");
    assertThat(choice(child("李等候"), chess)).isEqualTo("OFFERED");
    assertThat(messages("agreement-amendment-reminder")).containsOnly("CANCELLED");
    assertThat(amendments.pastDeadline()).doesNotContain(choiceId(xinyi, chess));
    assertThat(agreements.pendingText(xinyi.student())).isEmpty();
  }

  @Test
  void aSeatAcceptedBeforeTheFirstSignatureJoinsThatAgreementAndItsDeadline() {
    long drawing = school.offering("绘画", 1);
    Family holder = child("王小明");
    jdbc.update("INSERT INTO application_choice (application_id, offering_id, status) VALUES (?, ?, 'SEATED')",
        holder.application(), drawing);
    Family zhao = apply("赵新", "SEATED", reading);
    jdbc.update("INSERT INTO application_choice (application_id, offering_id, status) VALUES (?, ?, 'WAITLISTED')",
        zhao.application(), drawing);
    reviews.classApprove(admin, zhao.application());
    reviews.schoolApprove(admin, zhao.application());
    agreements.offer(zhao.application());
    LocalDateTime deadline = jdbc.queryForObject("SELECT agreement_deadline_at FROM application WHERE id = ?",
        LocalDateTime.class, zhao.application());
    withdrawals.withdraw(holder.guardian(), holder.student());

    assertThat(waitlist.accept(zhao.guardian(), zhao.student()).orElseThrow())
        .contains("已为赵新接受绘画的名额", "委托协议已更新", Amendments.WHEN.format(deadline));
    assertThat(amendments.pending(zhao.application())).as("no deadline of its own").isEmpty();
    assertThat(agreements.pendingText(zhao.student()).orElseThrow()).contains("阅读", "绘画");

    agreements.sign(zhao.guardian(), "o-zhao", zhao.student(), "赵新", "赵妈妈");

    assertThat(school.state(zhao.application())).isEqualTo("ACTIVE");
    assertThat(jdbc.queryForList("SELECT signed_at IS NOT NULL FROM application_choice WHERE application_id = ? "
        + "AND status = 'SEATED'", Boolean.class, zhao.application())).hasSize(2).containsOnly(true);
  }
}
