package org.kehou.core.calendar;

/** A child on a session's roster, with the class (and its class teacher) a listing is scoped by. */
public record RosterChild(long studentId, String name, long classId, String className, Long classTeacherId) {
}
