package org.kehou.core.leave;

import java.util.Map;

/** Leave that cannot be asked, recorded or cancelled; {@code textKey} is the Chinese reason in the templates. */
public class LeaveRefused extends RuntimeException {

  public enum Kind {
    /** The day has no service for the child: not enrolled, no offering of theirs runs, or no service at all. */
    NO_SERVICE,
    /** The school's cutoff on that day has passed (parents only: staff record leave after it too). */
    CUTOFF_PASSED,
    NOT_ON_LEAVE,
    NOT_FOUND,
    NOT_YOURS
  }

  private final Kind kind;
  private final String textKey;
  private final transient Map<String, ?> values;

  LeaveRefused(Kind kind, String textKey, Map<String, ?> values) {
    super(kind.name());
    this.kind = kind;
    this.textKey = textKey;
    this.values = values;
  }

  public Kind kind() {
    return kind;
  }

  public String textKey() {
    return textKey;
  }

  public Map<String, ?> values() {
    return values;
  }
}
