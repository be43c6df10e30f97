package org.kehou.core.duty;

import java.time.LocalDateTime;

/**
 * A term's rules for duties: the pay per lesson hour (课时) of each role in fen, how many tenths of a lesson hour one
 * session counts, the sign-in window around the start, how early before the end a sign-out still counts, and the
 * staffing ratios (pupils per teacher, pupils per manager).
 */
public record DutyRule(long termId, int teacherRateFen, int managerRateFen, int lessonTenths, int signInOpensMinutes,
    int signInGraceMinutes, int signOutEarlyMinutes, int pupilsPerTeacher, int pupilsPerManager) {

  static DutyRule standard(long termId) {
    return new DutyRule(termId, 3500, 3500, 10, 30, 10, 0, 30, 90);
  }

  public int rateFen(DutyRole role) {
    return role == DutyRole.MANAGER ? managerRateFen : teacherRateFen;
  }

  /** Whether every value lies within what the table allows (see V55). */
  public boolean valid() {
    return within(teacherRateFen, 0, 100_000) && within(managerRateFen, 0, 100_000) && within(lessonTenths, 1, 100)
        && within(signInOpensMinutes, 0, 240) && within(signInGraceMinutes, 0, 240)
        && within(signOutEarlyMinutes, 0, 240) && within(pupilsPerTeacher, 1, 1000)
        && within(pupilsPerManager, 1, 1000);
  }

  /** Teachers a session of this many pupils needs: one for every {@code pupilsPerTeacher} or part of it. */
  public int teachersFor(int pupils) {
    return (pupils + pupilsPerTeacher - 1) / pupilsPerTeacher;
  }

  /** Managers it needs: one for every full {@code pupilsPerManager} (每90名学生加配1名管理人员). */
  public int managersFor(int pupils) {
    return pupils / pupilsPerManager;
  }

  /** How a duty of a session from {@code start} to {@code end} counts, given its sign-in and sign-out (null: none). */
  public DutyOutcome judge(LocalDateTime start, LocalDateTime end, LocalDateTime signedIn, LocalDateTime signedOut) {
    if (signedIn == null) {
      return DutyOutcome.NO_SIGN_IN;
    }
    if (signedIn.isAfter(start.plusMinutes(signInGraceMinutes))) {
      return DutyOutcome.LATE_SIGN_IN;
    }
    if (signedOut == null) {
      return DutyOutcome.NO_SIGN_OUT;
    }
    return signedOut.isBefore(end.minusMinutes(signOutEarlyMinutes)) ? DutyOutcome.EARLY_SIGN_OUT : DutyOutcome.PAID;
  }

  private static boolean within(int value, int min, int max) {
    return value >= min && value <= max;
  }
}
