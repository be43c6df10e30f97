package org.kehou.bot.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.TimeZone;
import org.junit.jupiter.api.Test;
import org.quartz.CronTrigger;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.TriggerKey;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;

/** The calendar's notices are sent by a job of the clustered scheduler (as BotStartsTests starts the bot). */
@AutoConfigureTestRestTemplate
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CalendarJobScheduleTests {

  @Autowired
  Scheduler scheduler;

  @Test
  void theCalendarJobRunsEveryMinuteOnTheClusterAndOnceAtOnceAfterADowntime() throws SchedulerException {
    JobDetail job = scheduler.getJobDetail(JobKey.jobKey("calendar", "kehou"));
    CronTrigger trigger = (CronTrigger) scheduler.getTrigger(TriggerKey.triggerKey("calendar", "kehou"));

    assertThat(scheduler.getMetaData().isJobStoreClustered()).isTrue();
    assertThat(job.getJobClass()).isEqualTo(CalendarJob.class);
    assertThat(job.isConcurrentExecutionDisallowed()).isTrue();
    assertThat(job.requestsRecovery()).as("a node dying mid-run: another runs it again").isTrue();
    assertThat(trigger.getCronExpression()).isEqualTo("30 * * * * ?");
    assertThat(trigger.getTimeZone()).isEqualTo(TimeZone.getTimeZone("Asia/Shanghai"));
    assertThat(trigger.getMisfireInstruction()).isEqualTo(CronTrigger.MISFIRE_INSTRUCTION_FIRE_ONCE_NOW);
  }
}
