package org.kehou.core.records;

import java.util.Collection;

/**
 * Child-sessions counted: {@code expected} (应到) is every child on a session's roster, that is enrolled and not on
 * leave; {@code present}, {@code absent} and {@code unmarked} split it by the roll call's latest mark; {@code leave}
 * (请假) is counted beside it; {@code earlyLeave} (早退) counts present children taken early.
 */
public record Tally(int expected, int present, int absent, int unmarked, int leave, int earlyLeave) {

  public static final Tally ZERO = new Tally(0, 0, 0, 0, 0, 0);

  public static Tally of(Collection<AttendanceRow> rows) {
    Tally t = ZERO;
    for (AttendanceRow row : rows) {
      t = t.plus(row);
    }
    return t;
  }

  public Tally plus(AttendanceRow row) {
    boolean leaving = row.status() == AttendanceStatus.LEAVE;
    return new Tally(expected + (leaving ? 0 : 1), present + (row.status() == AttendanceStatus.PRESENT ? 1 : 0),
        absent + (row.status() == AttendanceStatus.ABSENT ? 1 : 0),
        unmarked + (row.status() == AttendanceStatus.UNMARKED ? 1 : 0), leave + (leaving ? 1 : 0),
        earlyLeave + (row.leftEarlyAt() != null ? 1 : 0));
  }

  public Tally plus(Tally other) {
    return new Tally(expected + other.expected, present + other.present, absent + other.absent,
        unmarked + other.unmarked, leave + other.leave, earlyLeave + other.earlyLeave);
  }

  /** 出勤率: present over expected; null when nobody was expected (printed as a blank, never as 0 %). */
  public Double rate() {
    return expected == 0 ? null : (double) present / expected;
  }
}
