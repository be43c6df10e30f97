package org.kehou.bot.jobs;

import org.kehou.bot.outbox.OutboxNudge;
import org.kehou.core.handover.SessionEnds;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** Thin, like {@link LifecycleJob}: pickup messages at each session's end, late pickups; the ticker is idempotent. */
@DisallowConcurrentExecution
class PickupJob implements Job {

  private final SessionEnds sessionEnds;
  private final OutboxNudge outbox;

  PickupJob(SessionEnds sessionEnds, OutboxNudge outbox) {
    this.sessionEnds = sessionEnds;
    this.outbox = outbox;
  }

  @Override
  public void execute(JobExecutionContext context) {
    sessionEnds.tick();
    // Parents wait at the gate: this instance starts sending now rather than at its next poll.
    outbox.queued();
  }
}
