package org.kehou.core.rollcall;

/** How an absence case was closed. Staff pick any but the last, which only a correction to present records. */
public enum Outcome {
  REACHED_GUARDIAN,
  CHILD_AT_HOME,
  CHILD_WITH_GUARDIAN,
  CHILD_FOUND_AT_SCHOOL,
  OTHER,
  MARKED_PRESENT_BY_MISTAKE
}
