package org.kehou.core.enrolment;

import java.util.Optional;

/** The result of submitting an application. */
public record Submission(Outcome outcome, Optional<ApplicationView> application) {

  public enum Outcome {
    SUBMITTED,
    /** The child already has a live application this term (perhaps from the other guardian). */
    ALREADY_APPLIED,
    /** A chosen offering is closed, of another term or not for the child's grade. */
    OFFERING_UNAVAILABLE
  }
}
