package org.kehou.core.duty;

import java.util.Map;

/** A duty step refused; the API maps {@link Kind} to a status and {@code reasonKey} (staff.properties) to the text. */
public class DutyRefused extends RuntimeException {

  public enum Kind {
    NO_SESSION,
    NOT_YOURS,
    NOT_ON_DUTY,
    TOO_EARLY,
    SESSION_OVER,
    DAY_OVER,
    ALREADY_SIGNED,
    NOT_SIGNED_IN,
    NOTHING_TO_SIGN,
    NOT_FOUND,
    ALREADY_ON_DUTY,
    INVALID
  }

  private final Kind kind;
  private final String reasonKey;
  private final Map<String, ?> values;

  public DutyRefused(Kind kind, String reasonKey, Map<String, ?> values) {
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
