package org.kehou.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kehou.core.agreement.AgreementService;
import org.kehou.core.review.ReviewService;
import org.kehou.core.testing.SchoolFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** Quiet hours are switched off here (start = end) so the test passes at any hour; QuietHoursTests covers them. */
@SpringBootTest(properties = {"kehou.reminders.quiet-start=00:00", "kehou.reminders.quiet-end=00:00"})
class RemindersAndTickTests {

  @Autowired ReviewService reviews;
  @Autowired AgreementService agreements;
  @Autowired LifecycleTicker ticker;
  @Autowired JdbcTemplate jdbc;

  SchoolFixture school;
  long student;
  long guardian;
  long bystanderStudent;
  long application;

  @BeforeEach
  void publicisedApplication() {
    school = new SchoolFixture(jdbc);
    long teacherId = school.staff("CLASS_TEACHER");
    Reviewer admin = new Reviewer(school.staff("SCHOOL_ADMIN"), school.schoolId, true);
    long classId = school.schoolClass(1, "一年级1班", teacherId);
    long reading = school.offering("阅读", 20);
    student = school.student(classId, "徐一诺", "NONE");
    guardian = school.guardian("张丽娟", student, "母亲");
    school.bindWeChat(guardian);
    bystanderStudent = school.student(classId, "何子墨", "NONE");
    school.bindWeChat(school.guardian("陈海燕", bystanderStudent, "母亲"));
    application = school.application(student, guardian, "SEATED", reading);
    reviews.classApprove(new Reviewer(teacherId, school.schoolId, false), application);
    reviews.schoolApprove(admin, application);
  }

  int reminders() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM outbox_message WHERE student_id = ? AND kind = "
        + "'agreement-reminder' AND state = 'PENDING'", Integer.class, student);
  }

  @Test
  void theTickOffersTheAgreementOnceThePublicityWindowCloses() {
    ticker.tick();
    assertThat(school.state(application)).as("window still open").isEqualTo("IN_PUBLICITY");

    jdbc.update("UPDATE application SET publicity_ends_at = NOW(3) - INTERVAL 1 SECOND WHERE id = ?", application);
    ticker.tick();

    assertThat(school.state(application)).isEqualTo("AGREEMENT_PENDING");
  }

  @Test
  void aWaitingAgreementIsRemindedAfterADayAndOnTheLastDayThenStopsOnceSigned() {
    agreements.offer(application);
    ticker.tick();
    assertThat(reminders()).as("not yet a day").isZero();

    jdbc.update("UPDATE application SET agreement_sent_at = NOW(3) - INTERVAL 25 HOUR WHERE id = ?", application);
    ticker.tick();
    ticker.tick();
    assertThat(reminders()).as("one reminder after 24 hours").isEqualTo(1);

    jdbc.update("UPDATE application SET agreement_deadline_at = NOW(3) + INTERVAL 20 HOUR WHERE id = ?", application);
    ticker.tick();
    assertThat(reminders()).as("and one on the last day").isEqualTo(2);

    agreements.sign(guardian, "o-signer", student, "徐一诺", "张丽娟");
    assertThat(reminders()).as("unsent reminders are dropped once signed").isZero();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox_message WHERE student_id = ? AND state = 'CANCELLED'",
        Integer.class, student)).isEqualTo(2);
  }

  @Test
  void twoInstancesTickingAtOnceOfferOneAgreementAndSendOneReminderEach() throws Exception {
    jdbc.update("UPDATE application SET publicity_ends_at = NOW(3) - INTERVAL 1 SECOND WHERE id = ?", application);
    runTwiceAtOnce();
    jdbc.update("UPDATE application SET agreement_sent_at = NOW(3) - INTERVAL 25 HOUR WHERE id = ?", application);
    runTwiceAtOnce();

    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM agreement_document WHERE application_id = ?", Integer.class,
        application)).isEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox_message WHERE student_id = ? AND kind = "
        + "'agreement-ready'", Integer.class, student)).isEqualTo(1);
    assertThat(reminders()).isEqualTo(1);
  }

  void runTwiceAtOnce() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> runs = List.of(pool.submit(() -> awaitThenTick(start)), pool.submit(() -> awaitThenTick(start)));
      start.countDown();
      for (Future<?> run : runs) {
        run.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdown();
    }
  }

  Void awaitThenTick(CountDownLatch start) throws InterruptedException {
    start.await();
    ticker.tick();
    return null;
  }

  @Test
  void nobodyWhoHasNotAppliedIsEverNudged() {
    jdbc.update("UPDATE application SET publicity_ends_at = NOW(3) - INTERVAL 1 SECOND WHERE id = ?", application);
    ticker.tick();
    jdbc.update("UPDATE application SET agreement_sent_at = NOW(3) - INTERVAL 25 HOUR WHERE id = ?", application);
    ticker.tick();

    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox_message WHERE student_id = ?", Integer.class,
        bystanderStudent)).isZero();
  }
}
