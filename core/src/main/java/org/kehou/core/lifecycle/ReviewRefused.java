package org.kehou.core.lifecycle;

import java.util.Map;
import org.kehou.core.Refused;

/**
 * A review step that may not happen. {@code reasonKey} names the staff text (staff.properties) explaining why; the web
 * layer turns {@code kind} into the HTTP status.
 */
public class ReviewRefused extends Refused {

  public enum Kind { NOT_FOUND, NOT_YOURS, ILLEGAL_TRANSITION, INVALID }

  public ReviewRefused(Kind kind, String reasonKey, Map<String, ?> values) {
    super(kind, reasonKey, values);
  }

  @Override
  public Kind kind() {
    return (Kind) super.kind();
  }
}
