package org.kehou.core.draw;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Draws for offerings allocated at close (摇号): run by the lifecycle tick once an offering's closing time has passed,
 * and read back by staff. See {@link Lottery} for the order and {@link DrawRun} for who gets a seat.
 */
@Service
public class Draws {

  private static final Logger log = LoggerFactory.getLogger(Draws.class);
  private static final int ATTEMPTS = 3;

  private final DrawMapper mapper;
  private final DrawRun run;
  private final Clock clock;

  Draws(DrawMapper mapper, DrawRun run, Clock clock) {
    this.mapper = mapper;
    this.run = run;
    this.clock = clock;
  }

  /** Runs the draws that are due; returns the offerings drawn (none when there were none, or another run drew them). */
  public List<Long> drawDue() {
    List<Long> due = mapper.dueOfferings(LocalDateTime.now(clock));
    if (due.isEmpty()) {
      return List.of();
    }
    for (int attempt = 1; ; attempt++) {
      try {
        return run.run(due);
      } catch (DrawRun.EntrantsMoved e) {
        if (attempt == ATTEMPTS) {
          throw e;
        }
        log.info("Draw run starts again: {}", e.getMessage());
      }
    }
  }

  /** The draw of the offering with its entrants in seat order, once it has run. Staff only: it names priorities. */
  public Optional<DrawReport> report(long offeringId) {
    return mapper.record(offeringId).map(d -> new DrawReport(d, mapper.entrantsInOrder(offeringId)));
  }
}
