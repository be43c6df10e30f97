package org.kehou.bot.jobs;

import org.kehou.core.rollcall.RollCallTicker;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** Thin, like {@link LifecycleJob}: missing roll calls and absence cases to escalate; the ticker is idempotent. */
@DisallowConcurrentExecution
class RollCallJob implements Job {

  private final RollCallTicker ticker;

  RollCallJob(RollCallTicker ticker) {
    this.ticker = ticker;
  }

  @Override
  public void execute(JobExecutionContext context) {
    ticker.tick();
  }
}
