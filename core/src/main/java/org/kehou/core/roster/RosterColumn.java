package org.kehou.core.roster;

/** The columns of a roster file, by their English header; the Chinese headers come from the templates. */
enum RosterColumn {
  GRADE("grade", 20, true),
  CLASS("class", 40, true),
  STUDENT_NO("student_no", 32, true),
  STUDENT_NAME("student_name", 60, true),
  PRIORITY("priority", 16, false),
  GUARDIAN_NAME("guardian_name", 60, true),
  GUARDIAN_PHONE("guardian_phone", 20, true),
  RELATION("relation", 20, true);

  final String english;
  final int maxLength;
  final boolean required;

  RosterColumn(String english, int maxLength, boolean required) {
    this.english = english;
    this.maxLength = maxLength;
    this.required = required;
  }

  String textKey() {
    return "roster.column." + english;
  }
}
