package org.kehou.core.publicity;

import java.time.LocalDateTime;

/** One line of the publicised list. It carries no priority flag and only a masked name, by design. */
public record PublicityEntry(
    long applicationId, String className, String maskedName, String offerings, LocalDateTime publicityEndsAt) {

  /** 王小明 → 王*明, 王明 → 王*: enough for a family to recognise, not enough to identify a child. */
  public static String mask(String name) {
    if (name == null || name.length() < 2) {
      return "*";
    }
    if (name.length() == 2) {
      return name.charAt(0) + "*";
    }
    return name.charAt(0) + "*".repeat(name.length() - 2) + name.charAt(name.length() - 1);
  }
}
