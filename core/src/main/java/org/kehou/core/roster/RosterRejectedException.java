package org.kehou.core.roster;

import java.util.List;

/** The roster file has errors; nothing was written. */
public class RosterRejectedException extends RuntimeException {

  private final transient List<RosterError> errors;

  public RosterRejectedException(List<RosterError> errors) {
    super("Roster rejected with " + errors.size() + " errors");
    this.errors = List.copyOf(errors);
  }

  public List<RosterError> errors() {
    return errors;
  }
}
