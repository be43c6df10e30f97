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
 * The staffing job, clustered and stored once like the others (see {@link JobSchedule}): daily, after the parents'
 * leave cutoff (14:00), when the day's rosters are what the sessions will hold, and before they start.
 */
@Configuration(proxyBeanMethods = false)
class StaffingJobSchedule {

  @Bean
  JobDetail staffingJob() {
    return JobBuilder.newJob(StaffingJob.class).withIdentity("staffing", "kehou")
        .withDescription("Today's sessions short of staff, told to the school admins once")
        .storeDurably().requestRecovery(true).build();
  }

  @Bean
  Trigger staffingTrigger(@Qualifier("staffingJob") JobDetail staffingJob,
      @Value("${kehou.jobs.staffing-cron:15 5 14 * * ?}") String cron,
      @Value("${kehou.timezone:Asia/Shanghai}") String zone) {
    return TriggerBuilder.newTrigger().forJob(staffingJob).withIdentity("staffing", "kehou")
        // A run missed while every instance was down still helps if it comes before the sessions: fire once at once.
        .withSchedule(CronScheduleBuilder.cronSchedule(cron).inTimeZone(TimeZone.getTimeZone(zone))
            .withMisfireHandlingInstructionFireAndProceed())
        .build();
  }
}
