package org.kehou.core.lifecycle;

import java.util.Map;

/**
 * A review step that may not happen. {@code reasonKey} names the staff text (staff.properties) explaining why; the web
 * layer turns {@code kind} into the HTTP status.
 */
public class ReviewRefused extends RuntimeException {

  public enum Kind { NOT_FOUND, NOT_YOURS, ILLEGAL_TRANSITION, INVALID }

  private final Kind kind;
  private final String reasonKey;
  private final transient Map<String, Object> values;

  public ReviewRefused(Kind kind, String reasonKey, Map<String, ?> values) {
    super(reasonKey + " " + values);
    this.kind = kind;
    this.reasonKey = reasonKey;
    this.values = Map.copyOf(values);
  }

  public Kind kind() {
    return kind;
  }

  public String reasonKey() {
    return reasonKey;
  }

  public Map<String, Object> values() {
    return values;
  }
}
