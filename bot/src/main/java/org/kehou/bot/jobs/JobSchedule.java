package org.kehou.bot.jobs;

import java.util.TimeZone;
import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The bot's clustered Quartz jobs. Each runs every minute, at its own second: second 0 is the pickup job's, since
 * sessions end on whole minutes and parents wait at the gate for those messages. Boot registers these beans once in the JDBC store; with overwrite-existing-jobs
 * false a restarting node keeps the stored schedule instead of pushing the next fire time back.
 */
@Configuration(proxyBeanMethods = false)
class JobSchedule {

  @Bean
  JobDetail lifecycleJob() {
    return JobBuilder.newJob(LifecycleJob.class).withIdentity("lifecycle", "kehou")
        .withDescription("Publicity ends, agreement deadlines, waitlist offers, reminders")
        .storeDurably().requestRecovery(true).build();
  }

  @Bean
  Trigger lifecycleTrigger(JobDetail lifecycleJob, @Value("${kehou.jobs.lifecycle-cron:20 * * * * ?}") String cron,
      @Value("${kehou.timezone:Asia/Shanghai}") String zone) {
    return TriggerBuilder.newTrigger().forJob(lifecycleJob).withIdentity("lifecycle", "kehou")
        .withSchedule(CronScheduleBuilder.cronSchedule(cron).inTimeZone(TimeZone.getTimeZone(zone))
            .withMisfireHandlingInstructionFireAndProceed())
        .build();
  }
}
