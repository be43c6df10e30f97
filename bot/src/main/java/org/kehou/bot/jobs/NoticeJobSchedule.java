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

/** The notice job, clustered and stored once like the others (see {@link JobSchedule}), at second 50. */
@Configuration(proxyBeanMethods = false)
class NoticeJobSchedule {

  @Bean
  JobDetail noticeJob() {
    return JobBuilder.newJob(NoticeJob.class).withIdentity("notice", "kehou")
        .withDescription("Notice reminders before their deadline, urgent notices still unconfirmed told to the sender")
        .storeDurably().requestRecovery(true).build();
  }

  @Bean
  Trigger noticeTrigger(@Qualifier("noticeJob") JobDetail noticeJob,
      @Value("${kehou.jobs.notice-cron:50 * * * * ?}") String cron,
      @Value("${kehou.timezone:Asia/Shanghai}") String zone) {
    return TriggerBuilder.newTrigger().forJob(noticeJob).withIdentity("notice", "kehou")
        .withSchedule(CronScheduleBuilder.cronSchedule(cron).inTimeZone(TimeZone.getTimeZone(zone))
            .withMisfireHandlingInstructionFireAndProceed())
        .build();
  }
}
