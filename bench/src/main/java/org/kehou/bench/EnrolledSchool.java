package org.kehou.bench;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * The SQL seeding a school of the absence and pickup benches (school id 1, term 1, through the mariadb client):
 * {@code children} children in six grades of {@code classesPerGrade} classes, each with a guardian bound to WeChat
 * (every third child a second one, none shared), all enrolled as the real flow leaves them (ACTIVE application, SEATED
 * choice) in one of {@code sessions} homework-care offerings running every weekday from {@code startsAt} to
 * {@code endsAt}, child i in offering 1 + (i - 1) % sessions. The term's end times are 23:59, so an offering ending
 * earlier keeps its own end (Timetable.endOf). {@code tag} names what is the bench's own: openids ({@code <tag>-g-…}),
 * student numbers, the calendar note.
 */
record EnrolledSchool(String tag, String code, String name, int children, int sessions, int classesPerGrade,
    LocalDate today, LocalTime startsAt, LocalTime endsAt) {

  /** The guardians of child {@code i}: its own, and for every third child a second one. */
  List<Long> guardiansOf(long child) {
    return child % 3 == 0 ? List.of(child, children + child) : List.of(child);
  }

  static String openid(String tag, long guardian) {
    return String.format("%s-g-%05d", tag, guardian);
  }

  /** The rows, inside the caller's transaction; the caller adds its own and commits. */
  void appendTo(StringBuilder sql) {
    int classes = 6 * classesPerGrade;
    sql.append("INSERT INTO school (id, code, name) VALUES (1, '").append(code).append("', '").append(name).append("');");
    sql.append("INSERT INTO term (id, school_id, name, starts_on, ends_on, session_starts_at, winter_ends_at, "
        + "summer_ends_at) VALUES (1, 1, '").append(tag).append(" bench term', '").append(today.minusDays(60))
        .append("', '").append(today.plusDays(120)).append("', '").append(startsAt).append("', '23:59', '23:59');");
    sql.append("INSERT INTO grade (id, school_id, level, name) SELECT seq, 1, seq, CONCAT(seq, '年级') "
        + "FROM seq_1_to_6;");
    sql.append("INSERT INTO school_class (id, school_id, grade_id, name) SELECT seq, 1, 1 + (seq - 1) DIV ")
        .append(classesPerGrade).append(", CONCAT(1 + (seq - 1) DIV ").append(classesPerGrade)
        .append(", '年级', 1 + (seq - 1) % ").append(classesPerGrade).append(", '班') FROM seq_1_to_")
        .append(classes).append(";");
    sql.append("INSERT INTO student (id, school_id, class_id, student_no, name) SELECT seq, 1, 1 + (seq - 1) % ")
        .append(classes).append(", CONCAT('").append(tag).append("-', LPAD(seq, 5, '0')), CONCAT('学生', seq) ")
        .append("FROM seq_1_to_").append(children).append(";");
    // Guardian i for child i; guardian children + i as the second of every third child.
    sql.append("INSERT INTO guardian (id, school_id, name, phone) SELECT seq, 1, CONCAT('家长', seq), "
        + "CONCAT('138', LPAD(seq, 8, '0')) FROM seq_1_to_").append(2 * children).append(" WHERE seq <= ")
        .append(children).append(" OR (seq - ").append(children).append(") % 3 = 0;");
    sql.append("INSERT INTO student_guardian (student_id, guardian_id, relation) SELECT seq, seq, '母亲' FROM seq_1_to_")
        .append(children).append(";");
    sql.append("INSERT INTO student_guardian (student_id, guardian_id, relation) SELECT seq, ").append(children)
        .append(" + seq, '父亲' FROM seq_1_to_").append(children).append(" WHERE seq % 3 = 0;");
    sql.append("INSERT INTO wechat_binding (openid, guardian_id, current_student_id) SELECT CONCAT('").append(tag)
        .append("-g-', LPAD(guardian_id, 5, '0')), guardian_id, student_id FROM student_guardian;");
    sql.append("INSERT INTO offering (id, school_id, term_id, name, kind, weekdays, grades, capacity, starts_at, "
        + "ends_at) SELECT seq, 1, 1, CONCAT('作业辅导', seq, '组'), 'HOMEWORK', 31, 63, ").append(children)
        .append(", '").append(startsAt).append("', '").append(endsAt).append("' FROM seq_1_to_").append(sessions)
        .append(";");
    sql.append("INSERT INTO application (id, school_id, term_id, student_id, applicant_guardian_id, state, live, "
        + "active_from) SELECT seq, 1, 1, seq, seq, 'ACTIVE', 1, '").append(today.minusDays(30))
        .append("' FROM seq_1_to_").append(children).append(";");
    sql.append("INSERT INTO application_choice (application_id, offering_id, status) SELECT seq, 1 + (seq - 1) % ")
        .append(sessions).append(", 'SEATED' FROM seq_1_to_").append(children).append(";");
    if (today.getDayOfWeek() == DayOfWeek.SATURDAY || today.getDayOfWeek() == DayOfWeek.SUNDAY) {
      // A weekend has no service unless the calendar makes it a 调休 workday.
      sql.append("INSERT INTO calendar_day (school_id, term_id, day, kind, runs_as, note, created_at) VALUES (1, 1, '")
          .append(today).append("', 'WORKDAY', 'MON', '").append(tag).append(" bench', NOW(3));");
    }
  }
}
