package org.kehou.bench;

import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The school of the absence bench ({@link EnrolledSchool}, classesPerGrade classes a grade): the sessions started at
 * {@code startsAt}, in the past, and run to 23:59.
 */
record AbsenceSchool(int children, int sessions, int classesPerGrade, LocalDate today, LocalTime startsAt) {

  static final String CODE = "ABSENCE";

  private static final String TAG = "absence";

  private EnrolledSchool enrolled() {
    // The sessions run to 23:59, the term's end time: started and not ended while the bench runs.
    return new EnrolledSchool(TAG, CODE, "缺席测试学校", children, sessions, classesPerGrade, today, startsAt,
        LocalTime.of(23, 59));
  }

  List<Long> guardiansOf(long child) {
    return enrolled().guardiansOf(child);
  }

  static String openid(long guardian) {
    return EnrolledSchool.openid(TAG, guardian);
  }

  /** The children of a session's roster, in id order. */
  List<Long> roster(int session) {
    List<Long> roster = new ArrayList<>();
    for (long child = session; child <= children; child += sessions) {
      roster.add(child);
    }
    return roster;
  }

  /** {@code total} children marked absent, shared over the sessions, evenly spread along each roster. */
  List<List<Long>> absentees(int total) {
    List<List<Long>> absent = new ArrayList<>();
    for (int session = 1; session <= sessions; session++) {
      List<Long> roster = roster(session);
      int count = Math.min(roster.size(), total / sessions + (session <= total % sessions ? 1 : 0));
      List<Long> picked = new ArrayList<>();
      for (int j = 0; j < count; j++) {
        picked.add(roster.get((int) ((long) j * roster.size() / count)));
      }
      absent.add(picked);
    }
    return absent;
  }

  void seed(Mariadb db) throws IOException, InterruptedException {
    StringBuilder sql = new StringBuilder("SET NAMES utf8mb4; START TRANSACTION;");
    enrolled().appendTo(sql);
    sql.append("COMMIT;");
    db.run(sql.toString());
  }

  void assignTeacher(Mariadb db, int session, long staffId) throws IOException, InterruptedException {
    db.run("UPDATE offering SET teacher_id = " + staffId + " WHERE id = " + session);
  }
}
