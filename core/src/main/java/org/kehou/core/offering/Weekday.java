package org.kehou.core.offering;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;

/** School days an offering runs; stored as V4's bitmask, bit 0 = Monday .. bit 4 = Friday. */
public enum Weekday {
  MON, TUE, WED, THU, FRI;

  public static int mask(Collection<Weekday> days) {
    int mask = 0;
    for (Weekday day : days) {
      mask |= 1 << day.ordinal();
    }
    return mask;
  }

  public static List<Weekday> of(int mask) {
    EnumSet<Weekday> days = EnumSet.noneOf(Weekday.class);
    for (Weekday day : values()) {
      if ((mask & (1 << day.ordinal())) != 0) {
        days.add(day);
      }
    }
    return List.copyOf(days);
  }
}
