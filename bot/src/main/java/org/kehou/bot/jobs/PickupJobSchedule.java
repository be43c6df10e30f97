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

/**
 * The pickup job, clustered and stored once like the others (see {@link JobSchedule}). A fire missed while every
 * instance was down runs once as soon as one is back (fire and proceed), and the ticker then sends what fell due while
 * it was down: a bot restarted at 17:29 still sends the 17:30 messages.
 */
@Configuration(proxyBeanMethods = false)
class PickupJobSchedule {

  @Bean
  JobDetail pickupJob() {
    return JobBuilder.newJob(PickupJob.class).withIdentity("pickup", "kehou")
        .withDescription("Pickup messages at each session's end, late pickups alerted and escalated")
        .storeDurably().requestRecovery(true).build();
  }

  @Bean
  Trigger pickupTrigger(@Qualifier("pickupJob") JobDetail pickupJob,
      @Value("${kehou.jobs.pickup-cron:0 * * * * ?}") String cron,
      @Value("${kehou.timezone:Asia/Shanghai}") String zone) {
    return TriggerBuilder.newTrigger().forJob(pickupJob).withIdentity("pickup", "kehou")
        .withSchedule(CronScheduleBuilder.cronSchedule(cron).inTimeZone(TimeZone.getTimeZone(zone))
            .withMisfireHandlingInstructionFireAndProceed())
        .build();
  }
}
