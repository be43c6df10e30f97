package org.kehou.core.calendar;

import java.util.List;

/** The calendar file has errors; nothing was written. */
public class CalendarRejectedException extends RuntimeException {

  private final transient List<CalendarRowError> errors;

  CalendarRejectedException(List<CalendarRowError> errors) {
    super("Calendar file rejected with " + errors.size() + " errors");
    this.errors = List.copyOf(errors);
  }

  public List<CalendarRowError> errors() {
    return errors;
  }
}
