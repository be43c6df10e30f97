package org.kehou.bot.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kehou.bot.BotApplication;
import org.quartz.CronScheduleBuilder;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two bot instances on one database form one Quartz cluster: a job due every second fires once per due time, on
 * whichever instance wins the trigger row, never on both.
 */
class ClusteredJobsTests {

  static final String SCHEDULER = "kehou-cluster-test-" + UUID.randomUUID().toString().substring(0, 8);
  static ConfigurableApplicationContext first;
  static ConfigurableApplicationContext second;

  @BeforeAll
  static void twoInstances() {
    first = instance();
    first.getBean(JdbcTemplate.class).execute("CREATE TABLE IF NOT EXISTS cluster_probe (scheduler VARCHAR(80), "
        + "fire_time BIGINT, instance VARCHAR(200))");
    second = instance();
  }

  static ConfigurableApplicationContext instance() {
    return new SpringApplicationBuilder(BotApplication.class, Probe.class).run(
        "--server.port=0",
        "--spring.quartz.scheduler-name=" + SCHEDULER,
        "--kehou.outbox.dispatcher-enabled=false",
        // The production jobs are not what is measured here.
        "--kehou.jobs.lifecycle-cron=0 0 0 1 1 ? 2099",
        "--kehou.jobs.calendar-cron=0 0 0 1 1 ? 2099");
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
  void aJobDueEverySecondFiresOncePerDueTimeAcrossTwoInstances() throws SchedulerException {
    JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);

    await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> assertThat(jdbc.queryForObject(
        "SELECT COUNT(*) FROM cluster_probe WHERE scheduler = ?", Integer.class, SCHEDULER)).isGreaterThanOrEqualTo(8));

    List<Long> twice = jdbc.queryForList("SELECT fire_time FROM cluster_probe WHERE scheduler = ? "
        + "GROUP BY fire_time HAVING COUNT(*) > 1", Long.class, SCHEDULER);
    assertThat(twice).as("no due time fired on both instances").isEmpty();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM QRTZ_SCHEDULER_STATE WHERE SCHED_NAME = ?", Integer.class,
        SCHEDULER)).as("both instances checked in to the cluster").isEqualTo(2);
    assertThat(first.getBean(org.quartz.Scheduler.class).getMetaData().isJobStoreClustered()).isTrue();
  }

  /** A one-second job that records each due time and the instance that ran it. */
  @DisallowConcurrentExecution
  public static class ProbeJob implements Job {

    private final JdbcTemplate jdbc;

    public ProbeJob(JdbcTemplate jdbc) {
      this.jdbc = jdbc;
    }

    @Override
    public void execute(JobExecutionContext context) {
      try {
        jdbc.update("INSERT INTO cluster_probe (scheduler, fire_time, instance) VALUES (?, ?, ?)", SCHEDULER,
            context.getScheduledFireTime().getTime(), context.getScheduler().getSchedulerInstanceId());
      } catch (SchedulerException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /**
   * Passed to the builder, never scanned: as a {@code @Configuration} under org.kehou.bot it would join every context
   * started with SpringApplicationBuilder (they have no test type filter) and run its probe there too.
   */
  static class Probe {

    @Bean
    JobDetail probeJob() {
      return JobBuilder.newJob(ProbeJob.class).withIdentity("probe", "test").storeDurably().build();
    }

    @Bean
    Trigger probeTrigger(JobDetail probeJob) {
      return TriggerBuilder.newTrigger().forJob(probeJob).withIdentity("probe", "test")
          .withSchedule(CronScheduleBuilder.cronSchedule("* * * * * ?")).build();
    }
  }
}
