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
 * The notice job, clustered and stored once like the others (see {@link JobSchedule}), at second 50, which no other
 * job uses. Each reminder and escalation is claimed on its notice's row, so a fire missed or run twice (recovery,
 * fire and proceed) queues nothing twice.
 */
@Configuration(proxyBeanMethods = false)
class NoticeJobSchedule {

  @Bean
  JobDetail noticeJob() {
    return JobBuilder.newJob(NoticeJob.class).withIdentity("notice", "kehou")
        .withDescription("Notices: reminders to the unconfirmed before the deadline, urgent ones escalated")
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
