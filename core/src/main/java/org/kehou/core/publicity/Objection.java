package org.kehou.core.publicity;

import java.time.LocalDateTime;

/** An objection raised against a publicised application; open while {@code resolution} is null. */
public record Objection(
    long id, long applicationId, String reason, long recordedBy, LocalDateTime recordedAt, String resolution,
    String resolutionNote, Long resolvedBy, LocalDateTime resolvedAt) {
}
