package org.kehou.core.agreement;

import java.time.LocalDateTime;

/** A seat added to an active enrolment, held while it waits for the guardians' signature until {@code signBy}. */
public record PendingSeat(long choiceId, long applicationId, long offeringId, String offering,
    LocalDateTime signAskedAt, LocalDateTime signBy) {
}
