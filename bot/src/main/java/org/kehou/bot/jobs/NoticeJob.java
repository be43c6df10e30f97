package org.kehou.bot.jobs;

import org.kehou.bot.outbox.OutboxNudge;
import org.kehou.core.notice.NoticeReminders;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** Thin, like {@link LifecycleJob}: notices' reminders before their deadline, urgent ones escalated to their sender. */
@DisallowConcurrentExecution
class NoticeJob implements Job {

  private final NoticeReminders reminders;
  private final OutboxNudge outbox;

  NoticeJob(NoticeReminders reminders, OutboxNudge outbox) {
    this.reminders = reminders;
    this.outbox = outbox;
  }

  @Override
  public void execute(JobExecutionContext context) {
    if (reminders.tick() > 0) {
      // An urgent notice's sender is waiting to hear who has not confirmed: send now rather than at the next poll.
      outbox.queued();
    }
  }
}
