package org.kehou.core.lifecycle;

import java.time.LocalDateTime;

/** An application as reviewers see it (priority included: staff only). */
public record ReviewedApplication(
    long id,
    long termId,
    long studentId,
    String studentNo,
    String studentName,
    long classId,
    String className,
    String priority,
    ApplicationState state,
    LocalDateTime submittedAt,
    LocalDateTime publicityEndsAt,
    String offerings) {
}
