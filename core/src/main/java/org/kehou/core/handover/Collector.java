package org.kehou.core.handover;

/**
 * Who takes the child, as staff pick it: a guardian from the roster ({@code guardianId}), an adult a guardian added
 * ({@code pickupAdultId}), or nobody because the child goes home alone under a signed permission ({@code homeAlone}).
 * Exactly one of the three.
 */
public record Collector(Long guardianId, Long pickupAdultId, Boolean homeAlone) {

  boolean valid() {
    int given = (guardianId != null ? 1 : 0) + (pickupAdultId != null ? 1 : 0) + (Boolean.TRUE.equals(homeAlone) ? 1 : 0);
    return given == 1;
  }

  boolean alone() {
    return Boolean.TRUE.equals(homeAlone);
  }
}
