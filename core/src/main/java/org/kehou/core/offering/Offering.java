package org.kehou.core.offering;

import java.time.LocalTime;

/**
 * An offering (服务项目) as stored, with the seats its SEATED choices hold. {@code weekdays} and {@code grades} are
 * V4's bitmasks: see {@link Weekday} and {@link GradeMask}.
 */
public record Offering(long id, long schoolId, long termId, String name, Kind kind, int weekdays, int grades,
    int capacity, String room, Long teacherId, LocalTime startsAt, LocalTime endsAt, Status status, int seatsTaken) {

  public enum Kind { HOMEWORK, CLUB }

  public enum Status { OPEN, CLOSED }
}
