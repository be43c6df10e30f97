package org.kehou.core;

/**
 * Receives the auto-increment id of an insert. Mappers take it as a second parameter named {@code key}
 * ({@code @Options(useGeneratedKeys = true, keyProperty = "key.id")}) so that the inserted values stay records.
 */
public final class GeneratedId {
  private Long id;

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public long value() {
    if (id == null) {
      throw new IllegalStateException("The insert has not run");
    }
    return id;
  }
}
