package org.kehou.core.duty;

import java.util.Map;
import org.kehou.core.Refused;

/** A duty step refused; the API maps {@link Kind} to a status and {@code reasonKey} (staff.properties) to the text. */
public class DutyRefused extends Refused {

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

  public DutyRefused(Kind kind, String reasonKey, Map<String, ?> values) {
    super(kind, reasonKey, values);
  }

  @Override
  public Kind kind() {
    return (Kind) super.kind();
  }
}
