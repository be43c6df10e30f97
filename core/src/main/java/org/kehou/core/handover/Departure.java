package org.kehou.core.handover;

import java.time.LocalDateTime;

/** One record of a child leaving a session; {@code corrects} names the record it replaces, if any. */
public record Departure(long id, long studentId, Kind kind, Long guardianId, Long pickupAdultId, String collectorName,
    String collectorRelation, LocalDateTime leftAt, String reason, long recordedBy, String recordedByName,
    LocalDateTime recordedAt, Long corrects) {

  public enum Kind {
    HANDED_OVER,
    HOME_ALONE,
    EARLY_LEAVE
  }
}
