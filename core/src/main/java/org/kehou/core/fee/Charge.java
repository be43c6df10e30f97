package org.kehou.core.fee;

/**
 * What one child's service of one month costs, as counted now: every session the child was on the roster for (a
 * signed enrolment, the day with service, not on approved leave), each counting the term's lessons. Integer fen,
 * rounded half up once per amount.
 */
record Charge(long studentId, long termId, int sessions, int tenthsPerSession, int leaveDays, int feePerLessonFen,
    int hardshipPercent) {

  int lessonTenths() {
    return sessions * tenthsPerSession;
  }

  int grossFen() {
    return gross(sessions);
  }

  int reductionFen() {
    return reduction(gross(sessions));
  }

  int chargedFen() {
    return priced(sessions);
  }

  Charge withNoLeave() {
    return new Charge(studentId, termId, sessions, tenthsPerSession, 0, feePerLessonFen, hardshipPercent);
  }

  /** What {@code n} sessions cost under this month's rule: the same rounding as the statement itself. */
  int priced(int n) {
    int gross = gross(n);
    return gross - reduction(gross);
  }

  private int gross(int n) {
    return (int) (((long) n * tenthsPerSession * feePerLessonFen + 5) / 10);
  }

  private int reduction(int gross) {
    return (int) ((gross * (long) hardshipPercent + 50) / 100);
  }
}
