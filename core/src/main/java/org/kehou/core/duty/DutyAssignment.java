package org.kehou.core.duty;

import java.time.LocalDate;

/** A staff member planned on an offering's sessions: every one ({@code sessionDate} null) or one date's. */
public record DutyAssignment(long id, long offeringId, long staffId, String staffName, DutyRole role,
    LocalDate sessionDate) {
}
