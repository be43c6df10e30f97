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
 * The calendar's clustered job, stored once in the JDBC store like the lifecycle job (see {@link JobSchedule}). A
 * node back after the fire time fires it at once (misfire: fire and proceed), and the ticker sends what is due then.
 */
@Configuration(proxyBeanMethods = false)
class CalendarJobSchedule {

  @Bean
  JobDetail calendarJob() {
    return JobBuilder.newJob(CalendarJob.class).withIdentity("calendar", "kehou")
        .withDescription("Cancellations told the evening before, season notices")
        .storeDurably().requestRecovery(true).build();
  }

  @Bean
  Trigger calendarTrigger(@Qualifier("calendarJob") JobDetail calendarJob,
      @Value("${kehou.jobs.calendar-cron:30 * * * * ?}") String cron,
      @Value("${kehou.timezone:Asia/Shanghai}") String zone) {
    return TriggerBuilder.newTrigger().forJob(calendarJob).withIdentity("calendar", "kehou")
        .withSchedule(CronScheduleBuilder.cronSchedule(cron).inTimeZone(TimeZone.getTimeZone(zone))
            .withMisfireHandlingInstructionFireAndProceed())
        .build();
  }
}
