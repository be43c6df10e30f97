package org.kehou.core.archive;

import java.time.LocalDateTime;

/** A build of the term archive as staff follow it: its state and progress in parts, and the ZIP's size when done. */
public record ArchiveStatus(long id, long schoolId, long termId, long requestedBy, LocalDateTime requestedAt,
    State state, int partsDone, int partsTotal, String currentPart, LocalDateTime startedAt,
    LocalDateTime finishedAt, Integer files, Long sizeBytes, LocalDateTime heartbeatAt, int attempt) {

  public enum State {
    QUEUED,
    RUNNING,
    DONE,
    FAILED
  }
}
