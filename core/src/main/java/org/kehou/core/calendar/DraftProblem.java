package org.kehou.core.calendar;

import java.util.Map;

/** One thing wrong with an entry: the field it concerns and the code of its explanation ({@code calendar.error.*}). */
record DraftProblem(CalendarColumn column, String code, Map<String, ?> values) {

  DraftProblem(CalendarColumn column, String code) {
    this(column, code, Map.of());
  }

  String textKey() {
    return "calendar.error." + code;
  }
}
