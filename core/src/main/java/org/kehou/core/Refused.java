package org.kehou.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A step the rules refuse: its {@code kind} for the web layer's status, {@code reasonKey} (staff.properties) and the
 * values the text is filled with. Not generic, since Java allows no generic Throwable: each feature's subclass narrows
 * {@link #kind()} to its own enum. The message holds the kind and the key only, never the values, which may name a
 * child.
 */
public abstract class Refused extends RuntimeException {

  private final Enum<?> kind;
  private final String reasonKey;
  private final transient Map<String, Object> values;

  protected Refused(Enum<?> kind, String reasonKey, Map<String, ?> values) {
    super(kind.name() + " " + reasonKey);
    this.kind = kind;
    this.reasonKey = reasonKey;
    this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  public Enum<?> kind() {
    return kind;
  }

  public String reasonKey() {
    return reasonKey;
  }

  public Map<String, Object> values() {
    return values;
  }
}
