package org.kehou.core.calendar;

import java.util.List;

/** A date's service (or its absence) and the sessions it runs. */
public record DaySessions(ServiceDay day, List<Session> sessions) {
}
