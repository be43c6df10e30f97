package org.kehou.core.rollcall;

import java.util.Map;

/** A roll call or case step refused; the API maps {@link Kind} to a status and {@code reasonKey} to the text. */
public class RollCallRefused extends RuntimeException {

  public enum Kind {
    NO_SESSION,
    NOT_YOURS,
    NOT_STARTED,
    DAY_OVER,
    NOT_ON_ROSTER,
    CASE_CLOSED,
    INVALID
  }

  private final Kind kind;
  private final String reasonKey;
  private final Map<String, ?> values;

  public RollCallRefused(Kind kind, String reasonKey, Map<String, ?> values) {
    super(kind.name());
    this.kind = kind;
    this.reasonKey = reasonKey;
    this.values = values;
  }

  public Kind kind() {
    return kind;
  }

  public String reasonKey() {
    return reasonKey;
  }

  public Map<String, ?> values() {
    return values;
  }
}
