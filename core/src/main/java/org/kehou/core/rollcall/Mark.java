package org.kehou.core.rollcall;

import java.time.LocalDateTime;

/** One row of a roll call: a child present or absent, by whom and when. Never updated. */
public record Mark(long id, long studentId, boolean present, long markedBy, String markedByName,
    LocalDateTime markedAt) {
}
