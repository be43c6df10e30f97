package org.kehou.bot.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.kehou.bot.BotApplication;
import org.kehou.core.testing.SettableClock;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.JobListener;
import org.quartz.Scheduler;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 11: the only bot instance is down when the roll-call job is due and comes back after it. The stored trigger
 * (overwrite-existing-jobs is false) still holds the missed fire time, so the job runs at once and the missing roll
 * call is alerted once: within the misfire threshold as a normal fire, beyond it through the trigger's fire-and-proceed
 * instruction (do-nothing would wait for the next fire time). Quartz's own clock is real, so "the fire time passed while
 * it was down" is written into the trigger row, as the quartz notes suggest; the cron fires hourly, half an hour away,
 * so that no regular fire mixes into what is counted.
 */
class RollCallJobRestartTests {

  @Test
  void anInstanceBackThirtySecondsAfterTheFireTimeSendsTheMissingRollCallAlertOnce() throws Exception {
    assertAlertSentOnceAfterRestart(Duration.ofSeconds(30));
  }

  @Test
  void anInstanceBackFiveMinutesLateMisfiresAndStillSendsTheAlertOnceAtOnce() throws Exception {
    assertAlertSentOnceAfterRestart(Duration.ofMinutes(5));
  }

  void assertAlertSentOnceAfterRestart(Duration downFor) throws Exception {
    String scheduler = "kehou-restart-test-" + UUID.randomUUID().toString().substring(0, 8);
    DueMessages day;
    try (ConfigurableApplicationContext before = instance(scheduler)) {
      // Started, it stored its triggers; it stops before anything is due (Quartz never ran here).
      day = new DueMessages(before, before.getBean(SettableClock.class)::set);
    }

    try (ConfigurableApplicationContext after = instance(scheduler)) {
      day.readingFrom(after);
      after.getBean(SettableClock.class).set(DueMessages.DUE);
      JdbcTemplate jdbc = after.getBean(JdbcTemplate.class);
      long missed = System.currentTimeMillis() - downFor.toMillis();
      assertThat(jdbc.update("UPDATE QRTZ_TRIGGERS SET NEXT_FIRE_TIME = ? WHERE SCHED_NAME = ? AND TRIGGER_NAME = "
          + "'roll-call'", missed, scheduler)).isEqualTo(1);
      Scheduler quartz = after.getBean(Scheduler.class);
      List<Date> runs = new CopyOnWriteArrayList<>();
      quartz.getListenerManager().addJobListener(new RollCallRuns(runs));
      long restartedAt = System.currentTimeMillis();
      quartz.start();

      // A misfire waits for the misfire handler's pass, which may come some seconds after the start.
      await().atMost(Duration.ofSeconds(60)).until(() -> !runs.isEmpty());
      await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> runs.size() == 1);
      assertThat(runs.get(0)).as("the missed fire, or the misfire's run at once")
          .isBefore(new Date(restartedAt + 60_000));
      assertThat(day.missingRollCallClaims()).isEqualTo(1);
      assertThat(day.notices(day.teacher, "roll-call-missing")).isEqualTo(1);
      assertThat(day.notices(day.admin, "roll-call-missing")).isEqualTo(1);
      assertThat(day.notices(day.admin, "absence-escalated")).as("the case's escalation came with it").isEqualTo(1);
    }
  }

  /** Quartz held until the test starts it. */
  static ConfigurableApplicationContext instance(String scheduler) {
    int halfAnHourAway = (LocalTime.now().getMinute() + 30) % 60;
    return new SpringApplicationBuilder(BotApplication.class, SettableClock.Config.class).run(
        "--server.port=0",
        "--spring.quartz.scheduler-name=" + scheduler,
        "--kehou.jobs.roll-call-cron=0 " + halfAnHourAway + " * * * ?",
        "--spring.quartz.auto-startup=false",
        "--kehou.outbox.dispatcher-enabled=false",
        "--kehou.jobs.calendar-cron=0 0 0 1 1 ? 2099",
        "--kehou.jobs.lifecycle-cron=0 0 0 1 1 ? 2099",
        DueMessages.CANCELLATION_NOTICE_AT);
  }

  /** Notes the scheduled fire time of each roll-call run. */
  record RollCallRuns(List<Date> runs) implements JobListener {

    @Override
    public String getName() {
      return "roll-call-runs";
    }

    @Override
    public void jobToBeExecuted(JobExecutionContext context) {
    }

    @Override
    public void jobExecutionVetoed(JobExecutionContext context) {
    }

    @Override
    public void jobWasExecuted(JobExecutionContext context, JobExecutionException jobException) {
      if (context.getJobDetail().getKey().getName().equals("roll-call")) {
        runs.add(context.getScheduledFireTime());
      }
    }
  }
}
