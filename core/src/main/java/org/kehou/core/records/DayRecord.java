package org.kehou.core.records;

import java.time.LocalDate;
import java.util.List;
import org.kehou.core.calendar.ServiceDay;

/** A date's attendance: whether it had service and each session's sheet. */
public record DayRecord(LocalDate date, ServiceDay day, List<SessionSheet> sessions) {
}
