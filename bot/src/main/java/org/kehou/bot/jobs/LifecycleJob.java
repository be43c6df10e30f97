package org.kehou.bot.jobs;

import org.kehou.core.lifecycle.LifecycleTicker;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** Thin: the clustered trigger decides which bot instance runs it; the ticker does the work idempotently. */
@DisallowConcurrentExecution
class LifecycleJob implements Job {

  private final LifecycleTicker ticker;

  LifecycleJob(LifecycleTicker ticker) {
    this.ticker = ticker;
  }

  @Override
  public void execute(JobExecutionContext context) {
    ticker.tick();
  }
}
