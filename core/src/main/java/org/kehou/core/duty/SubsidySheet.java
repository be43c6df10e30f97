package org.kehou.core.duty;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.List;

/**
 * A month's subsidy sheet (补助资金月发放明细表): per staff member, role and rate, the sessions and lesson hours
 * (tenths) worked and the amount in fen, with every duty that did not count and why. {@code countedTo} is the last
 * day counted: a month still running counts up to yesterday. {@code closedAt} is when the month's sheet was closed
 * (kept as it was then, whatever changes later); null while it is computed afresh, under the current rules.
 */
public record SubsidySheet(YearMonth month, LocalDate countedTo, List<Row> rows, long totalFen,
    LocalDateTime closedAt) {

  SubsidySheet closed(LocalDateTime at) {
    return new SubsidySheet(month, countedTo, rows, totalFen, at);
  }

  /** {@code realName} null: the school has not entered it yet; the sheet then shows the display name. */
  public record Row(long staffId, String realName, String displayName, DutyRole role, int rateFen, int sessions,
      int lessonTenths, long amountFen, List<Forfeit> forfeited) {
  }

  public record Forfeit(LocalDate date, long offeringId, String offering, LocalTime startsAt, LocalTime endsAt,
      DutyOutcome reason, LocalDateTime signedInAt, LocalDateTime signedOutAt) {
  }
}
