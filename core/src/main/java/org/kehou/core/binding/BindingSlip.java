package org.kehou.core.binding;

import java.time.LocalDateTime;
import java.util.List;

/**
 * One printable slip: a guardian not bound yet, their children in the class, the code, and its WeChat QR code once
 * the bot has created it ({@code qrUrl} null while {@link QrState#PENDING} or {@link QrState#UNAVAILABLE}).
 */
public record BindingSlip(long guardianId, String guardianName, List<Child> children, String code,
    LocalDateTime codeExpiresAt, QrState qr, String qrUrl, LocalDateTime qrExpiresAt) {

  public enum QrState {
    READY,
    /** Asked for; a bot instance creates it within seconds. */
    PENDING,
    /** WeChat would not create it (an account that may not make QR codes, or every retry failed): print the code. */
    UNAVAILABLE
  }

  public record Child(long studentId, String name, String className, String relation) {
  }

  /** A guardian already bound: no slip (no way to add an account to a bound family), just named for the teacher. */
  public record Bound(long guardianId, String guardianName, List<Child> children) {
  }

  /** The slips of a class, with how many QR codes are still being created: the page polls until none is. */
  public record Sheet(String className, int pending, List<BindingSlip> slips, List<Bound> bound) {
  }
}
