package org.kehou.bot.jobs;

import org.kehou.bot.outbox.OutboxNudge;
import org.kehou.core.fee.FeeStatements;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/**
 * Issues last month's fee statements. It runs every day, not only on the 1st: a month missed while every instance
 * was down is issued at the next run, and issuing is a no-op once done.
 */
@DisallowConcurrentExecution
class FeeJob implements Job {

  private final FeeStatements statements;
  private final OutboxNudge outbox;

  FeeJob(FeeStatements statements, OutboxNudge outbox) {
    this.statements = statements;
    this.outbox = outbox;
  }

  @Override
  public void execute(JobExecutionContext context) {
    if (statements.issueLastMonth() > 0) {
      outbox.queued();
    }
  }
}
