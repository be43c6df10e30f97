package org.kehou.bot.jobs;

import java.util.TimeZone;
import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The roll-call job, clustered and stored once like the others (see {@link JobSchedule}). */
@Configuration(proxyBeanMethods = false)
class RollCallJobSchedule {

  @Bean
  JobDetail rollCallJob() {
    return JobBuilder.newJob(RollCallJob.class).withIdentity("roll-call", "kehou")
        .withDescription("Missing roll calls alerted, open absence cases escalated")
        .storeDurably().requestRecovery(true).build();
  }

  @Bean
  Trigger rollCallTrigger(@Qualifier("rollCallJob") JobDetail rollCallJob,
      @Value("${kehou.jobs.roll-call-cron:40 * * * * ?}") String cron,
      @Value("${kehou.timezone:Asia/Shanghai}") String zone) {
    return TriggerBuilder.newTrigger().forJob(rollCallJob).withIdentity("roll-call", "kehou")
        // All nodes down past a fire time: fire once at once when one is back, however many minutes were missed.
        // Do-nothing would wait for the next fire time (a minute by default, longer if operators slow the cron) while
        // a missing roll call is urgent; one run is enough, as the ticker works out from the clock what is due.
        .withSchedule(CronScheduleBuilder.cronSchedule(cron).inTimeZone(TimeZone.getTimeZone(zone))
            .withMisfireHandlingInstructionFireAndProceed())
        .build();
  }
}
