package org.kehou.core.fee;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A month's statement for one child, as issued (never changed afterwards). {@code amountFen} = {@code chargedFen} plus
 * {@code adjustmentFen}, the corrections to earlier months found since they were billed ({@link Adjustment}).
 */
public record FeeStatement(long id, long schoolId, long termId, long studentId, String studentName, String className,
    LocalDate month, int sessions, int lessonTenths, int tenthsPerSession, int hardshipPercent, int leaveDays, int feePerLessonFen, int grossFen,
    int reductionFen, int chargedFen, int adjustmentFen, int amountFen, LocalDateTime createdAt) {

  /** A correction to an earlier month carried on a statement: sessions counted since, and their price then. */
  public record Adjustment(LocalDate forMonth, int deltaSessions, int deltaFen) {
  }

  /** This month's rule, to price a correction of it. */
  Charge asBilled(int sessions) {
    return new Charge(studentId, termId, sessions, tenthsPerSession, leaveDays, feePerLessonFen, hardshipPercent);
  }

  /** A statement with the corrections it carries. */
  public record WithAdjustments(FeeStatement statement, List<Adjustment> adjustments) {
  }
}
