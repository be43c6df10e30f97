package org.kehou.core.handover;

import java.util.Map;

/** A departure staff may not record, with what the API shows them (for NOT_AUTHORISED: who is authorised). */
public class HandoverRefused extends RuntimeException {

  public enum Kind {
    NO_SESSION,
    NOT_YOURS,
    NOT_STARTED,
    DAY_OVER,
    NOT_ON_ROSTER,
    NOT_PRESENT,
    NOT_AUTHORISED,
    INVALID
  }

  private final Kind kind;
  private final transient Map<String, ?> values;

  HandoverRefused(Kind kind, Map<String, ?> values) {
    super(kind.name(), null, false, false);
    this.kind = kind;
    this.values = values;
  }

  public Kind kind() {
    return kind;
  }

  public Map<String, ?> values() {
    return values;
  }
}
