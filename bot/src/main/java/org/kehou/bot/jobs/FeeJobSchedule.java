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

/** The fee job, clustered and stored once like the others (see {@link JobSchedule}): daily, in the morning. */
@Configuration(proxyBeanMethods = false)
class FeeJobSchedule {

  @Bean
  JobDetail feeJob() {
    return JobBuilder.newJob(FeeJob.class).withIdentity("fees", "kehou")
        .withDescription("Last month's fee statements, issued once")
        .storeDurably().requestRecovery(true).build();
  }

  @Bean
  Trigger feeTrigger(@Qualifier("feeJob") JobDetail feeJob,
      @Value("${kehou.jobs.fee-cron:10 10 9 * * ?}") String cron,
      @Value("${kehou.timezone:Asia/Shanghai}") String zone) {
    return TriggerBuilder.newTrigger().forJob(feeJob).withIdentity("fees", "kehou")
        .withSchedule(CronScheduleBuilder.cronSchedule(cron).inTimeZone(TimeZone.getTimeZone(zone))
            .withMisfireHandlingInstructionFireAndProceed())
        .build();
  }
}
