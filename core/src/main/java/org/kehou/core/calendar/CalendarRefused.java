package org.kehou.core.calendar;

import java.util.Map;

/** A calendar change that cannot be made; {@code code} is stable English, {@code textKey} the Chinese reason. */
public class CalendarRefused extends RuntimeException {

  public enum Kind { NOT_FOUND, INVALID, CONFLICT }

  private final Kind kind;
  private final String code;
  private final String field;
  private final String textKey;
  private final transient Map<String, ?> values;

  CalendarRefused(Kind kind, String code, String field, String textKey, Map<String, ?> values) {
    super(code);
    this.kind = kind;
    this.code = code;
    this.field = field;
    this.textKey = textKey;
    this.values = values;
  }

  static CalendarRefused invalid(DraftProblem problem) {
    return new CalendarRefused(Kind.INVALID, problem.code(), problem.column().field, problem.textKey(),
        problem.values());
  }

  static CalendarRefused notFound() {
    return new CalendarRefused(Kind.NOT_FOUND, "CALENDAR_ENTRY_NOT_FOUND", null, "calendar.entryNotFound", Map.of());
  }

  static CalendarRefused termNotFound() {
    return new CalendarRefused(Kind.NOT_FOUND, "TERM_NOT_FOUND", null, "error.termNotFound", Map.of());
  }

  static CalendarRefused dayTaken(Object day) {
    return new CalendarRefused(Kind.CONFLICT, "CALENDAR_DAY_TAKEN", "date", "calendar.dayTaken", Map.of("day", day));
  }

  public Kind kind() {
    return kind;
  }

  public String code() {
    return code;
  }

  /** The request field at fault, or null. */
  public String field() {
    return field;
  }

  public String textKey() {
    return textKey;
  }

  public Map<String, ?> values() {
    return values;
  }
}
