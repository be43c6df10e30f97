package org.kehou.core.roster;

import java.util.List;

/** A pupil of a class with the guardians on the roster. */
public record ClassStudent(long id, String studentNo, String name, Priority priority, List<Guardian> guardians) {

  public record Guardian(long id, String name, String phone, String relation) {
  }
}
