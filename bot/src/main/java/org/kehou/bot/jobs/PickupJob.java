package org.kehou.bot.jobs;

import org.kehou.core.handover.SessionEnds;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** Thin, like {@link LifecycleJob}: pickup messages at each session's end, late pickups; the ticker is idempotent. */
@DisallowConcurrentExecution
class PickupJob implements Job {

  private final SessionEnds sessionEnds;

  PickupJob(SessionEnds sessionEnds) {
    this.sessionEnds = sessionEnds;
  }

  @Override
  public void execute(JobExecutionContext context) {
    sessionEnds.tick();
  }
}
