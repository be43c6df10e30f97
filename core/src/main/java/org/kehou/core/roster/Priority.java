package org.kehou.core.roster;

/** Confidential: orders waitlists, shown only to school admins and the pupil's own class teacher. */
public enum Priority {
  NONE,
  LEFT_BEHIND,
  HARDSHIP
}
