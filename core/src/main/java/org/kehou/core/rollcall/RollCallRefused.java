package org.kehou.core.rollcall;

import java.util.Map;
import org.kehou.core.Refused;

/** A roll call or case step refused; the API maps {@link Kind} to a status and {@code reasonKey} to the text. */
public class RollCallRefused extends Refused {

  public enum Kind {
    NO_SESSION,
    NOT_YOURS,
    NOT_STARTED,
    DAY_OVER,
    NOT_ON_ROSTER,
    CASE_CLOSED,
    INVALID
  }

  public RollCallRefused(Kind kind, String reasonKey, Map<String, ?> values) {
    super(kind, reasonKey, values);
  }

  @Override
  public Kind kind() {
    return (Kind) super.kind();
  }
}
