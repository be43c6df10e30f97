package org.kehou.bot.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kehou.bot.BotApplication;
import org.kehou.core.calendar.CalendarTicker;
import org.kehou.core.duty.StaffingTicker;
import org.kehou.core.notice.AudienceKind;
import org.kehou.core.notice.NoticeDraft;
import org.kehou.core.notice.NoticeReminders;
import org.kehou.core.notice.Notices;
import org.kehou.core.rollcall.RollCallTicker;
import org.kehou.core.staff.Staff;
import org.kehou.core.staff.StaffRole;
import org.kehou.core.testing.SettableClock;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.JobListener;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 11: two bot instances on one database run the roll-call and calendar jobs as one Quartz cluster, every
 * second here; however often and wherever they fire, each due staff notice and each guardian's message exists once.
 * Issue 13: the notice job too, with an urgent notice whose reminder and escalation fall due at the same moment.
 * Issue 15: the staffing job too, with both sessions short of a manager.
 */
class TimeDrivenMessagesOnTwoInstancesTests {

  static final String SCHEDULER = "kehou-due-test-" + UUID.randomUUID().toString().substring(0, 8);
  static ConfigurableApplicationContext first;
  static ConfigurableApplicationContext second;
  static final AtomicInteger rollCallRuns = new AtomicInteger();
  static final AtomicInteger calendarRuns = new AtomicInteger();
  static final AtomicInteger noticeRuns = new AtomicInteger();
  static final AtomicInteger staffingRuns = new AtomicInteger();

  @BeforeAll
  static void twoInstances() throws SchedulerException {
    first = instance();
    second = instance();
    for (ConfigurableApplicationContext bot : List.of(first, second)) {
      bot.getBean(Scheduler.class).getListenerManager().addJobListener(new RunCounter());
    }
  }

  static ConfigurableApplicationContext instance() {
    return new SpringApplicationBuilder(BotApplication.class, SettableClock.Config.class).run(
        "--server.port=0",
        "--spring.quartz.scheduler-name=" + SCHEDULER,
        "--kehou.outbox.dispatcher-enabled=false",
        "--kehou.jobs.roll-call-cron=* * * * * ?",
        "--kehou.jobs.calendar-cron=* * * * * ?",
        "--kehou.jobs.notice-cron=* * * * * ?",
        "--kehou.jobs.staffing-cron=* * * * * ?",
        "--kehou.jobs.lifecycle-cron=0 0 0 1 1 ? 2099",
        DueMessages.CANCELLATION_NOTICE_AT);
  }

  /** Both instances live by the same (test) time. */
  static void at(LocalDateTime time) {
    first.getBean(SettableClock.class).set(time);
    second.getBean(SettableClock.class).set(time);
  }

  @AfterAll
  static void stop() throws SchedulerException {
    // Quartz shares one connection registry per scheduler name in a JVM, served by the pool of the context started
    // last: the first instance's scheduler stops (finishing a running job) while that pool is still open, or its job
    // could never record its completion and the close would wait for it forever.
    first.getBean(Scheduler.class).shutdown(true);
    second.close();
    first.close();
  }

  @Test
  void everyDueAlertEscalationAndCancellationIsWrittenOnceHoweverOftenBothInstancesRunTheJobs() throws Exception {
    DueMessages day = new DueMessages(first, TimeDrivenMessagesOnTwoInstancesTests::at);
    assertThat(day.notices(day.admin, "roll-call-missing")).as("not due at 15:35").isZero();
    // Sent at 15:35 to be confirmed by 18:00: at 16:10 its reminder (two hours ahead) and escalation (after 30
    // minutes) are both due.
    Staff admin = new Staff(day.admin, day.school.schoolId, "admin", "管理员", StaffRole.SCHOOL_ADMIN, true);
    long notice = first.getBean(Notices.class).send(admin, new NoticeDraft(AudienceKind.SCHOOL, null, "明天停课",
        "明天停课一天。", true, DueMessages.THURSDAY.atTime(18, 0), true)).noticeId();

    at(DueMessages.DUE);
    int rollCallsBefore = rollCallRuns.get();
    int calendarsBefore = calendarRuns.get();
    int noticesBefore = noticeRuns.get();
    int staffingBefore = staffingRuns.get();
    await().atMost(Duration.ofSeconds(60)).until(() -> rollCallRuns.get() >= rollCallsBefore + 4
        && calendarRuns.get() >= calendarsBefore + 4 && noticeRuns.get() >= noticesBefore + 4
        && staffingRuns.get() >= staffingBefore + 4);
    // A node that died mid-run has its job re-run on another (requestRecovery): both instances at once, by hand.
    CompletableFuture.allOf(
        CompletableFuture.runAsync(() -> first.getBean(RollCallTicker.class).tick()),
        CompletableFuture.runAsync(() -> second.getBean(RollCallTicker.class).tick()),
        CompletableFuture.runAsync(() -> first.getBean(CalendarTicker.class).tick()),
        CompletableFuture.runAsync(() -> second.getBean(CalendarTicker.class).tick()),
        CompletableFuture.runAsync(() -> first.getBean(NoticeReminders.class).tick()),
        CompletableFuture.runAsync(() -> second.getBean(NoticeReminders.class).tick()),
        CompletableFuture.runAsync(() -> first.getBean(StaffingTicker.class).tick()),
        CompletableFuture.runAsync(() -> second.getBean(StaffingTicker.class).tick())).get();

    assertThat(day.missingRollCallClaims()).isEqualTo(1);
    assertThat(day.notices(day.teacher, "roll-call-missing")).as("the session's teacher, once").isEqualTo(1);
    assertThat(day.notices(day.admin, "roll-call-missing")).as("the admin, once").isEqualTo(1);
    assertThat(day.notices(day.admin, "absence-escalated")).as("the escalation, once").isEqualTo(1);
    assertThat(day.absenceAlerts(day.guardians.get(0))).as("the absence alert, once").isEqualTo(1);
    for (long guardian : day.guardians) {
      assertThat(day.cancellationMessages(guardian)).as("Friday's cancellation to guardian " + guardian).isEqualTo(1);
      assertThat(day.noticeReminders(notice, guardian)).as("the notice's reminder to guardian " + guardian)
          .isEqualTo(1);
    }
    assertThat(day.notices(day.admin, NoticeReminders.STAFF_KIND)).as("its sender told, once").isEqualTo(1);
    assertThat(day.staffingClaims()).as("both sessions short of a manager, claimed once each").isEqualTo(2);
    assertThat(day.thursdaysStaffingNotices(day.admin)).as("the admin, once per session").isEqualTo(2);
    JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM QRTZ_SCHEDULER_STATE WHERE SCHED_NAME = ?", Integer.class,
        SCHEDULER)).as("both instances checked in to the cluster").isEqualTo(2);
  }

  /** Counts the production jobs' runs on an instance. */
  static class RunCounter implements JobListener {

    @Override
    public String getName() {
      return "run-counter";
    }

    @Override
    public void jobToBeExecuted(JobExecutionContext context) {
    }

    @Override
    public void jobExecutionVetoed(JobExecutionContext context) {
    }

    @Override
    public void jobWasExecuted(JobExecutionContext context, JobExecutionException jobException) {
      switch (context.getJobDetail().getKey().getName()) {
        case "roll-call" -> rollCallRuns.incrementAndGet();
        case "calendar" -> calendarRuns.incrementAndGet();
        case "notice" -> noticeRuns.incrementAndGet();
        case "staffing" -> staffingRuns.incrementAndGet();
        default -> {
        }
      }
    }
  }
}
