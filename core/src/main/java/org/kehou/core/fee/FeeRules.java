package org.kehou.core.fee;

import java.time.Clock;
import java.time.LocalDateTime;
import org.springframework.stereotype.Service;

/** A term's fee rule; a term without one counts a session as one lesson and gives no hardship reduction. */
@Service
public class FeeRules {

  private final FeeMapper mapper;
  private final Clock clock;

  FeeRules(FeeMapper mapper, Clock clock) {
    this.mapper = mapper;
    this.clock = clock;
  }

  public FeeRule of(long termId) {
    return mapper.rule(termId).orElseGet(() -> FeeRule.standard(termId));
  }

  /**
   * Applies to months not yet issued; an issued statement keeps what it said, and a later month's statement carries
   * the difference for an earlier one only when its service changed, never for a new rule.
   *
   * @throws IllegalArgumentException for tenths outside 1..100 or a percentage outside 0..100
   */
  public FeeRule set(FeeRule rule, long staffId) {
    if (rule.lessonTenths() < 1 || rule.lessonTenths() > 100 || rule.hardshipPercent() < 0
        || rule.hardshipPercent() > 100) {
      throw new IllegalArgumentException("lessonTenths 1..100, hardshipPercent 0..100");
    }
    mapper.putRule(rule, staffId, LocalDateTime.now(clock));
    return rule;
  }
}
