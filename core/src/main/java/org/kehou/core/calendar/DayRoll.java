package org.kehou.core.calendar;

import java.util.List;
import java.util.Map;

/**
 * A date's sessions as {@link Timetable#on} gives them, with the children enrolled in each (by offering id) who are on
 * approved leave that day and so off its roster.
 */
public record DayRoll(ServiceDay day, List<Session> sessions, Map<Long, List<RosterChild>> onLeave) {
}
