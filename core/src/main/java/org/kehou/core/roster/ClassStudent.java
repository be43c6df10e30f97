package org.kehou.core.roster;

import java.util.List;

/** A pupil of a class with the guardians on the roster. */
public record ClassStudent(long id, String studentNo, String name, Priority priority, List<Guardian> guardians) {

  public record Guardian(long id, String name, String phone, String relation) {

    /** The same guardian with the phone as 138****1234: enough to tell two guardians apart, not to call them. */
    public Guardian withMaskedPhone() {
      return new Guardian(id, name, maskPhone(phone), relation);
    }

    static String maskPhone(String phone) {
      if (phone == null || phone.length() < 8) {
        return phone == null ? null : "*".repeat(phone.length());
      }
      return phone.substring(0, 3) + "*".repeat(phone.length() - 7) + phone.substring(phone.length() - 4);
    }
  }
}
