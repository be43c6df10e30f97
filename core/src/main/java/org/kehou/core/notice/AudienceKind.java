package org.kehou.core.notice;

/** Whom a notice goes to. A class teacher may send to their own class or its after-school pupils, and anyone to the
 * pupils of an offering they teach; the school admin to any of these, a grade or the whole school. */
public enum AudienceKind {
  SCHOOL, GRADE, CLASS, CLASS_SERVICE, OFFERING
}
