package org.kehou.core.offering;

import java.time.LocalTime;

/** What an admin sets on an offering; masks as in {@link Offering}. */
public record OfferingDraft(String name, Offering.Kind kind, int weekdays, int grades, int capacity, String room,
    Long teacherId, LocalTime startsAt, LocalTime endsAt) {
}
