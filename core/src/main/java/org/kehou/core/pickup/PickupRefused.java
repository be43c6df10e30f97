package org.kehou.core.pickup;

import java.util.Map;

/** A change to a child's pickup list that is refused, with the text key that tells the parent or staff why. */
public class PickupRefused extends RuntimeException {

  public enum Kind {
    /** The text is not "name relation phone", or one of them is not plausible. */
    UNREADABLE,
    ALREADY_LISTED,
    TOO_MANY,
    NO_SUCH_NUMBER,
    NOT_FOUND,
    NOT_YOURS
  }

  private final Kind kind;
  private final transient Map<String, Object> values;

  PickupRefused(Kind kind, Map<String, Object> values) {
    super(kind.name(), null, false, false);
    this.kind = kind;
    this.values = Map.copyOf(values);
  }

  public Kind kind() {
    return kind;
  }

  public Map<String, Object> values() {
    return values;
  }

  /** The parent's text for this refusal (templates: pickup.refused.*). */
  public String textKey() {
    return "pickup.refused." + kind.name();
  }
}
