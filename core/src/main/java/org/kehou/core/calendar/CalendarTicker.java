package org.kehou.core.calendar;

import java.time.Clock;
import java.time.LocalDateTime;
import org.kehou.core.school.SchoolMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The calendar's time-driven steps, run by the bot's clustered job: cancellations whose notice time has come, and
 * season notices. Each step is idempotent (the entry's notified time and the season-notice row are written with the
 * messages, whose outbox keys are unique), so a re-run after a node died repeats nothing.
 */
@Service
public class CalendarTicker {

  private static final Logger log = LoggerFactory.getLogger(CalendarTicker.class);

  private final CalendarMapper mapper;
  private final SchoolMapper schools;
  private final CancellationNotices cancellations;
  private final SeasonNotices seasons;
  private final TransactionTemplate tx;
  private final Clock clock;

  CalendarTicker(CalendarMapper mapper, SchoolMapper schools, CancellationNotices cancellations, SeasonNotices seasons,
      TransactionTemplate tx, Clock clock) {
    this.mapper = mapper;
    this.schools = schools;
    this.cancellations = cancellations;
    this.seasons = seasons;
    this.tx = tx;
    this.clock = clock;
  }

  public void tick() {
    tickAt(LocalDateTime.now(clock));
  }

  void tickAt(LocalDateTime now) {
    for (long id : mapper.dueCancellations(now)) {
      try {
        tx.executeWithoutResult(status -> tellIfStillDue(id, now));
      } catch (RuntimeException e) {
        log.error("Telling the guardians of cancellation {} failed", id, e);
      }
    }
    try {
      seasons.queueDue(now);
    } catch (RuntimeException e) {
      log.error("Queuing season notices failed", e);
    }
  }

  /** Under the entry's lock: an admin may have removed it, or another node told it, since the list was read. */
  private void tellIfStillDue(long id, LocalDateTime now) {
    mapper.find(id).flatMap(found -> mapper.lock(id, found.termId()))
        .filter(e -> e.kind() == DayKind.CANCELLED && e.notifiedAt() == null && e.notifyAt() != null
            && !e.notifyAt().isAfter(now) && !e.date().isBefore(now.toLocalDate()))
        .ifPresent(entry -> cancellations.tell(schools.findTerm(entry.termId()).orElseThrow(), entry, now));
  }
}
