package org.kehou.core.cache;

import java.util.Set;

/**
 * A family of cached reads and the tables they are computed from. A write to one of those tables must be declared
 * with {@link Invalidates} on its mapper method (a test holds every mapper to that), so the region's epoch moves
 * after the write commits and no instance serves what it read before.
 */
public enum Region {

  /** Who is writing: openid → guardian, children, classes, grades (the parent's every message). */
  BINDINGS(Set.of("wechat_binding", "guardian", "student_guardian", "student", "school_class", "grade")),

  /** A child's application as 状态 shows it: state, choices, offerings, waitlist places (priority is the student's). */
  ENROLMENT(Set.of("application", "application_choice", "offering", "student")),

  /** The school and the term it is running today: its name, dates, times and fee (the letter, 报名, 状态). */
  TERMS(Set.of("school", "term"));

  private final Set<String> tables;

  Region(Set<String> tables) {
    this.tables = tables;
  }

  public Set<String> tables() {
    return tables;
  }

  String epochKey() {
    return "kehou:cache:epoch:" + name().toLowerCase(java.util.Locale.ROOT);
  }
}
