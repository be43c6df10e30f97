package org.kehou.bench;

import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * The school of the pickup bench ({@link EnrolledSchool}, eight classes a grade), every session ending at
 * {@code endsAt}, every child marked present at today's roll call.
 */
record PickupSchool(int children, int sessions, LocalDate today, LocalTime startsAt, LocalTime endsAt) {

  static final String CODE = "PICKUP";
  private static final String TAG = "pickup";

  private EnrolledSchool enrolled() {
    return new EnrolledSchool(TAG, CODE, "接送测试学校", children, sessions, 8, today, startsAt, endsAt);
  }

  List<Long> guardiansOf(long child) {
    return enrolled().guardiansOf(child);
  }

  static String openid(long guardian) {
    return EnrolledSchool.openid(TAG, guardian);
  }

  void seed(Mariadb db) throws IOException, InterruptedException {
    StringBuilder sql = new StringBuilder("SET NAMES utf8mb4; START TRANSACTION;");
    enrolled().appendTo(sql);
    // The roll call as the admin API leaves it: one present mark per child, by the duty teacher.
    sql.append("INSERT INTO staff (id, school_id, username, display_name, password_hash, role) VALUES (1, 1, "
        + "'pickup-teacher', '值班老师', 'not-a-hash', 'DUTY_TEACHER');");
    sql.append("INSERT INTO roll_call_mark (school_id, offering_id, session_date, student_id, present, marked_by, "
        + "marked_at) SELECT 1, 1 + (seq - 1) % ").append(sessions).append(", '").append(today)
        .append("', seq, 1, 1, NOW(3) FROM seq_1_to_").append(children).append(";");
    sql.append("COMMIT;");
    db.run(sql.toString());
  }
}
