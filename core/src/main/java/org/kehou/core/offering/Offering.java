package org.kehou.core.offering;

import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * An offering (服务项目) as stored, with the seats its SEATED choices hold. {@code weekdays} and {@code grades} are
 * V4's bitmasks: see {@link Weekday} and {@link GradeMask}.
 *
 * @param closesAt when applications to an AT_CLOSE offering stop being collected for its draw; null for FIRST_COME
 * @param drawnAt  when its draw ran; null until then (and always for FIRST_COME)
 */
public record Offering(long id, long schoolId, long termId, String name, Kind kind, int weekdays, int grades,
    int capacity, String room, Long teacherId, LocalTime startsAt, LocalTime endsAt, Status status, int seatsTaken,
    Allocation allocation, LocalDateTime closesAt, LocalDateTime drawnAt) {

  public enum Kind { HOMEWORK, CLUB }

  public enum Status { OPEN, CLOSED }

  /** How seats are given: while they last, or by one draw once applications close. */
  public enum Allocation { FIRST_COME, AT_CLOSE }
}
