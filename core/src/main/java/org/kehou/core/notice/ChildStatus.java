package org.kehou.core.notice;

import java.time.LocalDateTime;
import java.util.List;

/**
 * Where a notice stands for one child. CONFIRMED: a guardian confirmed ({@code confirmedBy}, {@code confirmedAt});
 * DELIVERED: handed to WeChat for at least one guardian, nobody confirmed yet; PENDING: still to be sent (held until
 * the morning, or being retried); FAILED: it reached none of the child's guardians, {@code failures} say why in
 * Chinese, one per guardian account.
 */
public record ChildStatus(long studentId, String studentName, long classId, String className, State state,
    LocalDateTime confirmedAt, String confirmedBy, String confirmedVia, List<String> failures) {

  public enum State { CONFIRMED, DELIVERED, PENDING, FAILED }
}
