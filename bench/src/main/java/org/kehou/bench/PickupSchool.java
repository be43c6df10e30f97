package org.kehou.bench;

import java.io.IOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * The school of the pickup bench, seeded through the mariadb client: {@code children} children in six grades of eight
 * classes, each with a guardian bound to WeChat (every third child a second one, none shared), all enrolled as the real
 * flow leaves them (ACTIVE application, SEATED choice) in one of {@code sessions} homework-care offerings running every
 * weekday, child i in offering 1 + (i - 1) % sessions, and marked present at today's roll call. The offerings run from
 * {@code startsAt} to {@code endsAt}; the term's end times are 23:59, so an offering ending earlier keeps its own end
 * (Timetable.endOf) and every session ends at {@code endsAt}.
 */
record PickupSchool(int children, int sessions, LocalDate today, LocalTime startsAt, LocalTime endsAt) {

  static final String CODE = "PICKUP";
  private static final int CLASSES = 48;

  /** The guardians of child {@code i}: its own, and for every third child a second one. */
  List<Long> guardiansOf(long child) {
    return child % 3 == 0 ? List.of(child, children + child) : List.of(child);
  }

  static String openid(long guardian) {
    return String.format("pickup-g-%05d", guardian);
  }

  void seed(Mariadb db) throws IOException, InterruptedException {
    StringBuilder sql = new StringBuilder("SET NAMES utf8mb4; START TRANSACTION;");
    sql.append("INSERT INTO school (id, code, name) VALUES (1, '").append(CODE).append("', '接送测试学校');");
    sql.append("INSERT INTO term (id, school_id, name, starts_on, ends_on, session_starts_at, winter_ends_at, "
        + "summer_ends_at) VALUES (1, 1, 'pickup bench term', '").append(today.minusDays(60)).append("', '")
        .append(today.plusDays(120)).append("', '").append(startsAt).append("', '23:59', '23:59');");
    sql.append("INSERT INTO grade (id, school_id, level, name) SELECT seq, 1, seq, CONCAT(seq, '年级') "
        + "FROM seq_1_to_6;");
    sql.append("INSERT INTO school_class (id, school_id, grade_id, name) SELECT seq, 1, 1 + (seq - 1) DIV 8, "
        + "CONCAT(1 + (seq - 1) DIV 8, '年级', 1 + (seq - 1) % 8, '班') FROM seq_1_to_").append(CLASSES).append(";");
    sql.append("INSERT INTO student (id, school_id, class_id, student_no, name) SELECT seq, 1, 1 + (seq - 1) % ")
        .append(CLASSES).append(", CONCAT('P', LPAD(seq, 5, '0')), CONCAT('学生', seq) FROM seq_1_to_")
        .append(children).append(";");
    // Guardian i for child i; guardian children + i as the second of every third child.
    sql.append("INSERT INTO guardian (id, school_id, name, phone) SELECT seq, 1, CONCAT('家长', seq), "
        + "CONCAT('137', LPAD(seq, 8, '0')) FROM seq_1_to_").append(2 * children).append(" WHERE seq <= ")
        .append(children).append(" OR (seq - ").append(children).append(") % 3 = 0;");
    sql.append("INSERT INTO student_guardian (student_id, guardian_id, relation) SELECT seq, seq, '母亲' FROM seq_1_to_")
        .append(children).append(";");
    sql.append("INSERT INTO student_guardian (student_id, guardian_id, relation) SELECT seq, ").append(children)
        .append(" + seq, '父亲' FROM seq_1_to_").append(children).append(" WHERE seq % 3 = 0;");
    sql.append("INSERT INTO wechat_binding (openid, guardian_id, current_student_id) SELECT CONCAT('pickup-g-', "
        + "LPAD(guardian_id, 5, '0')), guardian_id, student_id FROM student_guardian;");
    sql.append("INSERT INTO offering (id, school_id, term_id, name, kind, weekdays, grades, capacity, starts_at, "
        + "ends_at) SELECT seq, 1, 1, CONCAT('作业辅导', seq, '组'), 'HOMEWORK', 31, 63, ").append(children)
        .append(", '").append(startsAt).append("', '").append(endsAt).append("' FROM seq_1_to_").append(sessions)
        .append(";");
    sql.append("INSERT INTO application (id, school_id, term_id, student_id, applicant_guardian_id, state, live, "
        + "active_from) SELECT seq, 1, 1, seq, seq, 'ACTIVE', 1, '").append(today.minusDays(30))
        .append("' FROM seq_1_to_").append(children).append(";");
    sql.append("INSERT INTO application_choice (application_id, offering_id, status) SELECT seq, 1 + (seq - 1) % ")
        .append(sessions).append(", 'SEATED' FROM seq_1_to_").append(children).append(";");
    // The roll call as the admin API leaves it: one present mark per child, by the duty teacher.
    sql.append("INSERT INTO staff (id, school_id, username, display_name, password_hash, role) VALUES (1, 1, "
        + "'pickup-teacher', '值班老师', 'not-a-hash', 'DUTY_TEACHER');");
    sql.append("INSERT INTO roll_call_mark (school_id, offering_id, session_date, student_id, present, marked_by, "
        + "marked_at) SELECT 1, 1 + (seq - 1) % ").append(sessions).append(", '").append(today)
        .append("', seq, 1, 1, NOW(3) FROM seq_1_to_").append(children).append(";");
    if (today.getDayOfWeek() == DayOfWeek.SATURDAY || today.getDayOfWeek() == DayOfWeek.SUNDAY) {
      // A weekend has no service unless the calendar makes it a 调休 workday.
      sql.append("INSERT INTO calendar_day (school_id, term_id, day, kind, runs_as, note, created_at) VALUES (1, 1, '")
          .append(today).append("', 'WORKDAY', 'MON', 'pickup bench', NOW(3));");
    }
    sql.append("COMMIT;");
    db.run(sql.toString());
  }
}
