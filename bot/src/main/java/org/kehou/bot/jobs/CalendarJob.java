package org.kehou.bot.jobs;

import org.kehou.core.calendar.CalendarTicker;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** Thin, like {@link LifecycleJob}: cancellations told the evening before, season notices; the ticker is idempotent. */
@DisallowConcurrentExecution
class CalendarJob implements Job {

  private final CalendarTicker ticker;

  CalendarJob(CalendarTicker ticker) {
    this.ticker = ticker;
  }

  @Override
  public void execute(JobExecutionContext context) {
    ticker.tick();
  }
}
