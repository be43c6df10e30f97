package org.kehou.core.rollcall;

import java.time.LocalDateTime;

/** One step of a case's timeline; {@code kind} is one of {@link AbsenceCases}' event kinds. */
public record CaseEvent(long id, String kind, LocalDateTime at, Long staffId, String staffName, Long guardianId,
    String guardianName, String text) {
}
