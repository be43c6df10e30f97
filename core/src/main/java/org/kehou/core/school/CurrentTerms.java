package org.kehou.core.school;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.kehou.core.cache.CacheEpochs;
import org.kehou.core.cache.EpochCache;
import org.kehou.core.cache.Region;
import org.springframework.stereotype.Component;

/**
 * The term running today, per school: nearly every parent message needs it and it changes a few times a year. Kept in
 * each instance until a term is written (see {@link Region#TERMS}) or the day changes.
 */
@Component
public class CurrentTerms {

  private static final int CACHED_SCHOOL_DAYS = 10_000;

  private final SchoolMapper schools;
  private final Clock clock;
  private final EpochCache<SchoolDay, Optional<Term>> cache;

  CurrentTerms(SchoolMapper schools, CacheEpochs epochs, Clock clock) {
    this.schools = schools;
    this.clock = clock;
    this.cache = new EpochCache<>(epochs, Region.TERMS, CACHED_SCHOOL_DAYS);
  }

  public Optional<Term> of(long schoolId) {
    LocalDate today = LocalDate.now(clock);
    return cache.get(new SchoolDay(schoolId, today), () -> schools.findCurrentTerm(schoolId, today));
  }

  private record SchoolDay(long schoolId, LocalDate day) {
  }
}
