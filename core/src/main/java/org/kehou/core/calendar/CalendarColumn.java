package org.kehou.core.calendar;

import java.util.List;

/**
 * The fields of a calendar entry, which are also the columns of its CSV. English headers are listed here; the Chinese
 * ones come from the templates ({@code calendar.column.*}, the first of each list being the one reports use).
 */
enum CalendarColumn {
  DATE("date", true, List.of("date", "day")),
  KIND("kind", true, List.of("kind", "type")),
  RUNS_AS("runsAs", false, List.of("runs_as", "runs as", "runsas", "weekday")),
  NOTE("note", false, List.of("note", "reason"));

  /** The field's name in the API's JSON. */
  final String field;
  final boolean required;
  final List<String> englishHeaders;

  CalendarColumn(String field, boolean required, List<String> englishHeaders) {
    this.field = field;
    this.required = required;
    this.englishHeaders = englishHeaders;
  }

  String headersKey() {
    return "calendar.column." + field;
  }
}
