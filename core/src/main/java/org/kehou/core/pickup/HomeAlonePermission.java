package org.kehou.core.pickup;

import java.time.LocalDateTime;

/** A guardian's signed permission for the child to go home alone, and its withdrawal if any. */
public record HomeAlonePermission(long id, long studentId, long signedBy, String signedByName, LocalDateTime signedAt,
    Long withdrawnBy, String withdrawnByName, LocalDateTime withdrawnAt) {

  public boolean live() {
    return withdrawnAt == null;
  }
}
