package org.kehou.core.school;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The term running today, per school, kept for a minute: nearly every parent message needs it and it changes a few
 * times a year. Each instance keeps its own copy, so a term created or edited shows up everywhere within a minute.
 */
@Component
public class CurrentTerms {

  private static final Duration FRESH_FOR = Duration.ofMinutes(1);

  private final SchoolMapper schools;
  private final Clock clock;
  private final Map<Long, Cached> cache = new ConcurrentHashMap<>();

  CurrentTerms(SchoolMapper schools, Clock clock) {
    this.schools = schools;
    this.clock = clock;
  }

  public Optional<Term> of(long schoolId) {
    LocalDate today = LocalDate.now(clock);
    Instant now = clock.instant();
    Cached cached = cache.get(schoolId);
    if (cached == null || !cached.day().equals(today) || cached.loadedAt().plus(FRESH_FOR).isBefore(now)) {
      cached = new Cached(schools.findCurrentTerm(schoolId, today), today, now);
      cache.put(schoolId, cached);
    }
    return cached.term();
  }

  private record Cached(Optional<Term> term, LocalDate day, Instant loadedAt) {
  }
}
