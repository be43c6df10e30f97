package org.kehou.core.duty;

import java.time.Clock;
import java.time.LocalDateTime;
import org.springframework.stereotype.Service;

/** A term's duty rule; a term without one has the defaults of V55 (35 yuan an hour, 30 and 90 pupils). */
@Service
public class DutyRules {

  private final DutyMapper mapper;
  private final Clock clock;

  DutyRules(DutyMapper mapper, Clock clock) {
    this.mapper = mapper;
    this.clock = clock;
  }

  public DutyRule of(long termId) {
    return mapper.rule(termId).orElseGet(() -> DutyRule.standard(termId));
  }

  /**
   * Applies to every sheet and check made from now on, months already worked included: the sheet is computed, not
   * stored, so a rate corrected before the month's sheet is handed in pays the corrected rate.
   *
   * @throws IllegalArgumentException for a value outside its bounds
   */
  public DutyRule set(DutyRule rule, long staffId) {
    if (!rule.valid()) {
      throw new IllegalArgumentException("duty rule out of bounds");
    }
    mapper.putRule(rule, staffId, LocalDateTime.now(clock));
    return rule;
  }
}
