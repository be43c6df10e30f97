package org.kehou.core.duty;

import java.time.LocalDate;
import java.time.LocalTime;

/** A session with fewer teachers or managers on duty than its pupils need under the term's ratios. */
public record Shortfall(LocalDate date, long offeringId, String offering, LocalTime startsAt, int pupils,
    int teachers, int teachersNeeded, int managers, int managersNeeded) {

  public int teachersShort() {
    return Math.max(0, teachersNeeded - teachers);
  }

  public int managersShort() {
    return Math.max(0, managersNeeded - managers);
  }
}
