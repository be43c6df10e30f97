package org.kehou.bot.jobs;

import org.kehou.bot.outbox.OutboxNudge;
import org.kehou.core.duty.SubsidySheets;
import org.kehou.core.fee.FeeStatements;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/**
 * The month's end: issues last month's fee statements and closes its subsidy sheets. It runs every day, not only on
 * the 1st: a month missed while every instance was down is settled at the next run, and each step is a no-op once
 * done.
 */
@DisallowConcurrentExecution
class FeeJob implements Job {

  private final FeeStatements statements;
  private final SubsidySheets subsidies;
  private final OutboxNudge outbox;

  FeeJob(FeeStatements statements, SubsidySheets subsidies, OutboxNudge outbox) {
    this.statements = statements;
    this.subsidies = subsidies;
    this.outbox = outbox;
  }

  @Override
  public void execute(JobExecutionContext context) {
    if (statements.issueLastMonth() > 0) {
      outbox.queued();
    }
    subsidies.closeLastMonth();
  }
}
