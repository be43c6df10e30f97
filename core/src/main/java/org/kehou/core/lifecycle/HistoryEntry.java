package org.kehou.core.lifecycle;

import java.time.LocalDateTime;

/** One append-only line of an application's history: who moved it, when, from where to where, and why. */
public record HistoryEntry(
    long id, String fromState, String toState, String actorKind, Long actorId, String reason, LocalDateTime at) {
}
