package org.kehou.bot.jobs;

import org.kehou.bot.outbox.OutboxNudge;
import org.kehou.core.duty.StaffingTicker;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** Thin, like {@link RollCallJob}: today's short sessions told to the admins; the ticker is idempotent. */
@DisallowConcurrentExecution
class StaffingJob implements Job {

  private final StaffingTicker ticker;
  private final OutboxNudge outbox;

  StaffingJob(StaffingTicker ticker, OutboxNudge outbox) {
    this.ticker = ticker;
    this.outbox = outbox;
  }

  @Override
  public void execute(JobExecutionContext context) {
    if (ticker.tick() > 0) {
      outbox.queued();
    }
  }
}
