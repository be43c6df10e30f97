package org.kehou.core.lifecycle;

/** Who moved an application, as the history records it. */
record Actor(String kind, Long id) {

  static Actor staff(long staffId) {
    return new Actor("STAFF", staffId);
  }

  static Actor guardian(long guardianId) {
    return new Actor("GUARDIAN", guardianId);
  }

  static Actor system() {
    return new Actor("SYSTEM", null);
  }
}
