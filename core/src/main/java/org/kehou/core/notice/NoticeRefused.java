package org.kehou.core.notice;

import java.util.Map;

/** A notice that cannot be sent, viewed or confirmed as asked; {@code textKey} explains it in Chinese. */
public class NoticeRefused extends RuntimeException {

  public enum Kind {
    /** The audience or notice is outside what this staff member may reach. */
    FORBIDDEN,
    NOT_FOUND,
    /** A field is missing or out of bounds ({@code values} name it). */
    INVALID,
    /** Nobody is in the audience: nothing would be sent. */
    EMPTY_AUDIENCE
  }

  private final Kind kind;
  private final String textKey;
  private final Map<String, ?> values;

  NoticeRefused(Kind kind, String textKey, Map<String, ?> values) {
    super(kind + " " + textKey);
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
