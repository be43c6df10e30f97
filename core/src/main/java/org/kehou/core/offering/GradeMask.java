package org.kehou.core.offering;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Grades allowed in an offering as V4's bitmask: bit 0 = grade 1 .. bit 5 = grade 6. */
public final class GradeMask {

  private GradeMask() {
  }

  /** @throws IllegalArgumentException for a level outside 1..6 */
  public static int mask(Collection<Integer> levels) {
    int mask = 0;
    for (int level : levels) {
      if (level < 1 || level > 6) {
        throw new IllegalArgumentException("Grade level " + level + " is not 1..6");
      }
      mask |= 1 << (level - 1);
    }
    return mask;
  }

  public static List<Integer> levels(int mask) {
    List<Integer> levels = new ArrayList<>();
    for (int level = 1; level <= 6; level++) {
      if ((mask & (1 << (level - 1))) != 0) {
        levels.add(level);
      }
    }
    return levels;
  }

  public static boolean allows(int mask, int level) {
    return level >= 1 && level <= 6 && (mask & (1 << (level - 1))) != 0;
  }
}
