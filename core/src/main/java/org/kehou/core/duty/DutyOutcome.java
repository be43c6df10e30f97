package org.kehou.core.duty;

/** How a duty on a session that is over counts: paid, or forfeited and why. */
public enum DutyOutcome {
  PAID,
  NO_SIGN_IN,
  LATE_SIGN_IN,
  NO_SIGN_OUT,
  EARLY_SIGN_OUT
}
