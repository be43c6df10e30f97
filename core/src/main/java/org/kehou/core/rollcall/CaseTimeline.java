package org.kehou.core.rollcall;

import java.util.List;

/** A case and its steps, oldest first. */
public record CaseTimeline(AbsenceCase absenceCase, List<CaseEvent> events) {
}
