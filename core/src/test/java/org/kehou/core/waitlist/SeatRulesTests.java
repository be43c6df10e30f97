package org.kehou.core.waitlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kehou.core.agreement.AgreementService;
import org.kehou.core.enrolment.EnrolmentService;
import org.kehou.core.enrolment.Submission;
import org.kehou.core.lifecycle.Reviewer;
import org.kehou.core.offering.Offering;
import org.kehou.core.offering.OfferingCapacityException;
import org.kehou.core.offering.OfferingDraft;
import org.kehou.core.offering.OfferingMapper;
import org.kehou.core.offering.OfferingService;
import org.kehou.core.publicity.PublicityService;
import org.kehou.core.review.ReviewService;
import org.kehou.core.testing.SchoolFixture;
import org.kehou.core.withdrawal.WithdrawalService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@SpringBootTest
class SeatRulesTests {

  @Autowired OfferingService offerings;
  @Autowired OfferingMapper offeringRows;
  @Autowired EnrolmentService enrolment;
  @Autowired WithdrawalService withdrawals;
  @Autowired WaitlistService waitlist;
  @Autowired ReviewService reviews;
  @Autowired AgreementService agreements;
  @Autowired PublicityService publicity;
  @Autowired PlatformTransactionManager txManager;
  @Autowired JdbcTemplate jdbc;

  SchoolFixture school;
  long classId;
  long teacherId;

  @BeforeEach
  void school() {
    school = new SchoolFixture(jdbc);
    teacherId = school.staff("CLASS_TEACHER");
    classId = school.schoolClass(3, "三年级1班", teacherId);
  }

  record Family(long student, long guardian, long application) {
  }

  Family apply(String child, String priority, String choiceStatus, long offeringId) {
    long student = school.student(classId, child, priority);
    long guardian = school.guardian(child.charAt(0) + "妈妈", student, "母亲");
    school.bindWeChat(guardian);
    return new Family(student, guardian, school.application(student, guardian, choiceStatus, offeringId));
  }

  String choice(Family family) {
    return jdbc.queryForObject("SELECT status FROM application_choice WHERE application_id = ?", String.class,
        family.application());
  }

  int held(long offeringId) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM application_choice WHERE offering_id = ? "
        + "AND status IN ('SEATED', 'OFFERED')", Integer.class, offeringId);
  }

  Offering withCapacity(long offeringId, int capacity) {
    Offering o = offeringRows.findById(offeringId).orElseThrow();
    return offerings.update(offeringId, new OfferingDraft(o.name(), o.kind(), o.weekdays(), o.grades(), capacity,
        o.room(), o.teacherId(), o.startsAt(), o.endsAt()));
  }

  @Test
  void capacityCannotDropBelowTheSeatedAndTheOfferedSeats() {
    long chess = school.offering("围棋", 2);
    apply("王小明", "NONE", "SEATED", chess);
    Family offered = apply("李候补", "NONE", "WAITLISTED", chess);
    withCapacity(chess, 3);
    assertThat(choice(offered)).isEqualTo("OFFERED");

    assertThatThrownBy(() -> withCapacity(chess, 1)).isInstanceOfSatisfying(OfferingCapacityException.class,
        e -> assertThat(e.seatsTaken()).isEqualTo(2));
    assertThat(withCapacity(chess, 2).capacity()).isEqualTo(2);
  }

  @Test
  void raisedCapacityIsOfferedToTheWaitlistPriorityFirstBeforeAnyNewcomer() {
    long chess = school.offering("围棋", 1);
    apply("王小明", "NONE", "SEATED", chess);
    Family early = apply("李早早", "NONE", "WAITLISTED", chess);
    Family leftBehind = apply("赵留守", "LEFT_BEHIND", "WAITLISTED", chess);

    withCapacity(chess, 2);
    assertThat(choice(leftBehind)).isEqualTo("OFFERED");
    assertThat(choice(early)).isEqualTo("WAITLISTED");

    withCapacity(chess, 4);
    assertThat(choice(early)).isEqualTo("OFFERED");
    long newcomer = school.student(classId, "孙新来", "NONE");
    long guardian = school.guardian("孙爸爸", newcomer, "父亲");
    Submission submitted = enrolment.submit(school.schoolId, school.termId, newcomer, 3, guardian, List.of(chess));
    assertThat(submitted.application().orElseThrow().choices()).singleElement()
        .satisfies(c -> assertThat(c.status()).isEqualTo("SEATED"));
    assertThat(held(chess)).isEqualTo(4);
  }

  @Test
  void aNewcomerWaitsWhileAnyoneIsOnTheWaitlistEvenWithASeatFree() {
    long chess = school.offering("围棋", 2);
    apply("王小明", "NONE", "SEATED", chess);
    apply("李候补", "NONE", "WAITLISTED", chess);

    long newcomer = school.student(classId, "孙新来", "NONE");
    long guardian = school.guardian("孙爸爸", newcomer, "父亲");
    assertThat(enrolment.openOfferings(school.termId, 3)).filteredOn(o -> o.id() == chess).singleElement()
        .satisfies(o -> assertThat(o.freeSeats()).as("no seat shown free while anyone waits").isZero());
    Submission submitted = enrolment.submit(school.schoolId, school.termId, newcomer, 3, guardian, List.of(chess));

    assertThat(submitted.application().orElseThrow().choices()).singleElement()
        .satisfies(c -> assertThat(c.status()).isEqualTo("WAITLISTED"));
  }

  @Test
  void acceptingAnOfferRechecksTheCapacity() {
    long chess = school.offering("围棋", 1);
    Family seated = apply("王小明", "NONE", "SEATED", chess);
    Family waiting = apply("李候补", "NONE", "WAITLISTED", chess);
    withdrawals.withdraw(seated.guardian(), seated.student());
    assertThat(choice(waiting)).isEqualTo("OFFERED");
    // A seat filled behind the rules' back (say, by hand in the database) must not be accepted twice.
    apply("张手填", "NONE", "SEATED", chess);

    assertThat(waitlist.accept(waiting.guardian(), waiting.student())).get().asString().contains("候补");

    assertThat(choice(waiting)).isEqualTo("WAITLISTED");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM application_choice WHERE offering_id = ? "
        + "AND status = 'SEATED'", Integer.class, chess)).isEqualTo(1);
  }

  @Test
  void aWithdrawalCountsTheSeatsCommittedWhileItWaitedForItsLock() throws Exception {
    long chess = school.offering("围棋", 2);
    Family seated = apply("王小明", "NONE", "SEATED", chess);
    CompletableFuture<Object> withdrawal = new CompletableFuture<>();
    new TransactionTemplate(txManager).executeWithoutResult(status -> {
      jdbc.queryForObject("SELECT id FROM application WHERE id = ? FOR UPDATE", Long.class, seated.application());
      withdrawal.completeAsync(() -> withdrawals.withdraw(seated.guardian(), seated.student()));
      // The withdrawal has made its first read and now waits for the application's lock.
      await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject("SELECT COUNT(*) FROM "
          + "information_schema.innodb_trx t JOIN information_schema.processlist p ON p.id = t.trx_mysql_thread_id "
          + "WHERE p.db = DATABASE() AND t.trx_state = 'LOCK WAIT'", Integer.class) > 0);
      apply("孙先到", "NONE", "SEATED", chess);
      apply("周候一", "NONE", "WAITLISTED", chess);
      apply("吴候二", "NONE", "WAITLISTED", chess);
    });
    withdrawal.get(10, TimeUnit.SECONDS);

    assertThat(held(chess)).as("no more seats held than the capacity").isEqualTo(2);
    assertThat(List.of("孙先到", "周候一", "吴候二")).map(this::choiceOf)
        .containsExactly("SEATED", "OFFERED", "WAITLISTED");
  }

  String choiceOf(String child) {
    return jdbc.queryForObject("SELECT c.status FROM application_choice c JOIN application a "
        + "ON a.id = c.application_id JOIN student s ON s.id = a.student_id WHERE s.name = ? AND s.school_id = ?",
        String.class, child, school.schoolId);
  }

  @Test
  void aChildOnlyOnTheWaitlistWaitsForASeatInsteadOfSigningAnEmptyAgreement() {
    long chess = school.offering("围棋", 1);
    Family seated = apply("王小明", "NONE", "SEATED", chess);
    Family waiting = apply("李等候", "NONE", "WAITLISTED", chess);
    Family other = apply("张也等", "NONE", "WAITLISTED", chess);
    Reviewer teacher = new Reviewer(teacherId, school.schoolId, false);
    Reviewer admin = new Reviewer(school.staff("SCHOOL_ADMIN"), school.schoolId, true);
    for (Family family : List.of(waiting, other)) {
      reviews.classApprove(teacher, family.application());
      reviews.schoolApprove(admin, family.application());
    }
    jdbc.update("UPDATE application SET publicity_ends_at = ? WHERE id IN (?, ?)",
        LocalDateTime.now().minusDays(2), waiting.application(), other.application());

    assertThat(publicity.windowsOver()).doesNotContain(waiting.application(), other.application());
    assertThat(agreements.offer(waiting.application())).isFalse();
    assertThat(school.state(waiting.application())).isEqualTo("IN_PUBLICITY");
    assertThat(withdrawals.withdraw(other.guardian(), other.student())).isPresent();
    assertThat(school.state(other.application())).isEqualTo("WITHDRAWN");

    withdrawals.withdraw(seated.guardian(), seated.student());
    waitlist.accept(waiting.guardian(), waiting.student());

    assertThat(publicity.windowsOver()).contains(waiting.application());
    assertThat(agreements.offer(waiting.application())).isTrue();
    assertThat(agreements.pendingText(waiting.student()).orElseThrow()).contains("围棋");
  }
}
