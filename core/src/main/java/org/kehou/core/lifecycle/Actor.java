package org.kehou.core.lifecycle;

/** Who moved an application, as the history records it. */
public record Actor(String kind, Long id) {

  public static Actor staff(long staffId) {
    return new Actor("STAFF", staffId);
  }

  public static Actor guardian(long guardianId) {
    return new Actor("GUARDIAN", guardianId);
  }

  public static Actor system() {
    return new Actor("SYSTEM", null);
  }
}
