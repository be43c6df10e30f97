package org.kehou.bench;

import java.io.IOException;
import java.time.LocalDate;

/**
 * The school of the archive bench, seeded straight into the database (MariaDB's seq_ tables) into the school the
 * admin API created on its first start: {@code children} children in 6 grades of 8 classes, a guardian each (every
 * third child a second one), a term of {@code weeks} weeks that ended yesterday, every child in one of 6 homework
 * groups every weekday and every fourth child also in a Tuesday/Thursday club. Each application went the whole way
 * (history of five steps, publicity, a signed agreement of about 2 KB). Every session day: a roll call for every child
 * on the roster (one in 37 absent, each an absence case with two events), one in 101 on leave, a hand-over for every
 * present child; 30 school-wide notices, half of the families confirming; the term's months' fee statements.
 */
record ArchiveSchool(int children, int weeks, LocalDate lastDay) {

  static final String CODE = "ARCHIVE";
  private static final int SESSIONS = 6;
  private static final int CLASSES = 48;

  LocalDate firstDay() {
    return lastDay.minusWeeks(weeks).plusDays(1);
  }

  /** @return the school's id, the one the admin API created */
  long seed(Mariadb db) throws IOException, InterruptedException {
    long school = Long.parseLong(db.run("SELECT id FROM school WHERE code = '" + CODE + "'"));
    long staff = Long.parseLong(db.run("SELECT MIN(id) FROM staff WHERE school_id = " + school));
    int days = weeks * 7;
    String dates = "(SELECT DATE_ADD('" + firstDay() + "', INTERVAL seq DAY) AS d, seq AS n FROM seq_0_to_" + (days - 1)
        + " WHERE WEEKDAY(DATE_ADD('" + firstDay() + "', INTERVAL seq DAY)) < 5)";
    String s = String.valueOf(school);
    String sql = "SET NAMES utf8mb4; START TRANSACTION;"
        + "INSERT INTO term (id, school_id, name, starts_on, ends_on, session_starts_at, winter_ends_at, summer_ends_at) "
        + "VALUES (1, " + s + ", '归档测试学期', '" + firstDay() + "', '" + lastDay + "', '15:30', '17:30', '18:00');"
        + "INSERT INTO grade (id, school_id, level, name) SELECT seq, " + s + ", seq, CONCAT(seq, '年级') FROM seq_1_to_6;"
        + "INSERT INTO school_class (id, school_id, grade_id, name) SELECT seq, " + s + ", 1 + (seq - 1) DIV 8, "
        + "CONCAT(1 + (seq - 1) DIV 8, '年级', 1 + (seq - 1) % 8, '班') FROM seq_1_to_" + CLASSES + ";"
        + "INSERT INTO student (id, school_id, class_id, student_no, name, priority) SELECT seq, " + s + ", "
        + "1 + (seq - 1) % " + CLASSES + ", CONCAT('A', LPAD(seq, 5, '0')), CONCAT('学生', seq), "
        + "IF(seq % 50 = 0, 'HARDSHIP', 'NONE') FROM seq_1_to_" + children + ";"
        + "INSERT INTO guardian (id, school_id, name, phone) SELECT seq, " + s + ", CONCAT('家长', seq), "
        + "CONCAT('138', LPAD(seq, 8, '0')) FROM seq_1_to_" + (2 * children) + " WHERE seq <= " + children
        + " OR (seq - " + children + ") % 3 = 0;"
        + "INSERT INTO student_guardian (student_id, guardian_id, relation) SELECT seq, seq, '母亲' FROM seq_1_to_"
        + children + ";"
        + "INSERT INTO student_guardian (student_id, guardian_id, relation) SELECT seq, " + children + " + seq, '父亲' "
        + "FROM seq_1_to_" + children + " WHERE seq % 3 = 0;"
        + "INSERT INTO offering (id, school_id, term_id, name, kind, weekdays, grades, capacity, starts_at, ends_at, "
        + "teacher_id) SELECT seq, " + s + ", 1, CONCAT('作业辅导', seq, '组'), 'HOMEWORK', 31, 63, " + children
        + ", '15:30', '17:30', " + staff + " FROM seq_1_to_" + SESSIONS + ";"
        + "INSERT INTO offering (id, school_id, term_id, name, kind, weekdays, grades, capacity, starts_at, ends_at, "
        + "teacher_id) VALUES (7, " + s + ", 1, '围棋', 'CLUB', 10, 63, " + children + ", '16:30', '17:30', " + staff
        + ");"
        + "INSERT INTO application (id, school_id, term_id, student_id, applicant_guardian_id, state, live, "
        + "active_from, submitted_at, publicity_starts_at, publicity_ends_at) SELECT seq, " + s + ", 1, seq, seq, "
        + "'ACTIVE', 1, '" + firstDay() + "', '" + firstDay().minusDays(20) + " 19:00', '" + firstDay().minusDays(14)
        + " 08:00', '" + firstDay().minusDays(11) + " 08:00' FROM seq_1_to_" + children + ";"
        + "INSERT INTO application_choice (application_id, offering_id, status) SELECT seq, 1 + (seq - 1) % "
        + SESSIONS + ", 'SEATED' FROM seq_1_to_" + children + ";"
        + "INSERT INTO application_choice (application_id, offering_id, status) SELECT seq, 7, 'SEATED' "
        + "FROM seq_1_to_" + children + " WHERE seq % 4 = 0;"
        + "INSERT INTO application_history (application_id, from_state, to_state, actor_kind, actor_id, at) "
        + "SELECT a.seq, ELT(st.seq, NULL, 'SUBMITTED', 'CLASS_APPROVED', 'IN_PUBLICITY', 'AGREEMENT_PENDING'), "
        + "ELT(st.seq, 'SUBMITTED', 'CLASS_APPROVED', 'IN_PUBLICITY', 'AGREEMENT_PENDING', 'ACTIVE'), "
        + "IF(st.seq IN (1, 5), 'GUARDIAN', 'STAFF'), IF(st.seq IN (1, 5), a.seq, " + staff + "), "
        + "DATE_ADD('" + firstDay().minusDays(20) + "', INTERVAL st.seq * 2 DAY) FROM seq_1_to_" + children
        + " a CROSS JOIN seq_1_to_5 st;"
        + "INSERT INTO agreement_document (id, application_id, template_version, sha256, body, created_at) "
        + "SELECT seq, seq, 'bench', SHA2(b.body, 256), b.body, '" + firstDay().minusDays(10) + " 09:00' FROM "
        + "(SELECT seq, CONCAT('课后服务委托协议（归档测试）\\n学生：学生', seq, '\\n', REPEAT('本协议约定学校提供课后服务的时间、内容、"
        + "接送与安全责任，家长自愿参加并遵守学校的管理规定。', 20), '\\n') AS body FROM seq_1_to_" + children + ") b;"
        + "INSERT INTO agreement_signature (agreement_document_id, application_id, guardian_id, openid, "
        + "template_version, sha256, signed_at) SELECT id, application_id, application_id, CONCAT('archive-g-', "
        + "application_id), 'bench', sha256, '" + firstDay().minusDays(9) + " 20:00' FROM agreement_document;"
        + "INSERT INTO publicity_objection (application_id, reason, recorded_by, recorded_at, resolution, "
        + "resolution_note, resolved_by, resolved_at) SELECT seq, '对名额有疑问', " + staff + ", '"
        + firstDay().minusDays(13) + " 10:00', 'DISMISSED', '已核实', " + staff + ", '" + firstDay().minusDays(12)
        + " 10:00' FROM seq_1_to_" + children + " WHERE seq % 200 = 0;"
        + "INSERT INTO leave_request (school_id, student_id, day, reason, asked_by_guardian, asked_at) SELECT " + s
        + ", st.seq, dd.d, '病假', st.seq, TIMESTAMP(dd.d, '08:00') FROM seq_1_to_" + children + " st JOIN " + dates
        + " dd ON (st.seq * 7 + dd.n) % 101 = 0;"
        + "INSERT INTO roll_call_mark (school_id, offering_id, session_date, student_id, present, marked_by, marked_at) "
        + "SELECT " + s + ", ac.offering_id, dd.d, a.student_id, (a.student_id + dd.n) % 37 <> 0, " + staff + ", "
        + "TIMESTAMP(dd.d, o.starts_at) + INTERVAL 5 MINUTE FROM application a JOIN application_choice ac "
        + "ON ac.application_id = a.id JOIN offering o ON o.id = ac.offering_id JOIN " + dates + " dd "
        + "ON (o.weekdays & (1 << WEEKDAY(dd.d))) <> 0 WHERE a.term_id = 1 AND (a.student_id * 7 + dd.n) % 101 <> 0;"
        + "INSERT INTO absence_case (school_id, offering_id, session_date, student_id, opened_at, opened_by, "
        + "closed_at, closed_by, outcome) SELECT school_id, offering_id, session_date, student_id, marked_at, "
        + "marked_by, marked_at + INTERVAL 12 MINUTE, marked_by, 'REACHED_GUARDIAN' FROM roll_call_mark "
        + "WHERE school_id = " + s + " AND present = 0;"
        + "INSERT INTO absence_case_event (case_id, kind, at, staff_id) SELECT c.id, ELT(k.seq, 'OPENED', 'CLOSED'), "
        + "IF(k.seq = 1, c.opened_at, c.closed_at), c.opened_by FROM absence_case c CROSS JOIN seq_1_to_2 k "
        + "WHERE c.school_id = " + s + ";"
        + "INSERT INTO handover (school_id, offering_id, session_date, student_id, kind, guardian_id, collector_name, "
        + "collector_relation, left_at, recorded_by, recorded_at) SELECT m.school_id, m.offering_id, m.session_date, "
        + "m.student_id, 'HANDED_OVER', m.student_id, CONCAT('家长', m.student_id), '母亲', "
        + "TIMESTAMP(m.session_date, '17:35'), m.marked_by, TIMESTAMP(m.session_date, '17:35') FROM roll_call_mark m "
        + "WHERE m.school_id = " + s + " AND m.present = 1 AND m.offering_id <= " + SESSIONS + ";"
        + "INSERT INTO parent_notice (id, school_id, sender_id, audience_kind, audience_id, audience_name, title, body, "
        + "confirm_required, confirm_by, urgent, created_at) SELECT seq, " + s + ", " + staff + ", 'SCHOOL', NULL, "
        + "'全校', CONCAT('学校通知', seq), '请家长留意本周课后服务安排。', 1, TIMESTAMP(DATE_ADD('" + firstDay()
        + "', INTERVAL seq * 3 DAY), '18:00'), 0, TIMESTAMP(DATE_ADD('" + firstDay() + "', INTERVAL seq * 3 DAY), "
        + "'09:00') FROM seq_1_to_30;"
        + "INSERT INTO parent_notice_guardian (notice_id, guardian_id, seq, confirmed_at, confirmed_via) "
        + "SELECT n.id, g.id, n.id, IF(g.id % 2 = 0, n.created_at + INTERVAL 1 HOUR, NULL), IF(g.id % 2 = 0, 'CHAT', "
        + "NULL) FROM parent_notice n CROSS JOIN guardian g WHERE n.school_id = " + s + " AND g.school_id = " + s + ";"
        + "INSERT INTO parent_notice_child (notice_id, student_id, guardian_id) SELECT n.id, sg.student_id, "
        + "sg.guardian_id FROM parent_notice n CROSS JOIN student_guardian sg WHERE n.school_id = " + s + ";"
        + "INSERT INTO fee_statement (school_id, term_id, student_id, month, sessions, lesson_tenths, "
        + "tenths_per_session, hardship_percent, leave_days, fee_per_lesson_fen, gross_fen, reduction_fen, "
        + "charged_fen, adjustment_fen, amount_fen, created_at) SELECT " + s + ", 1, st.seq, mm.m, 20, 200, 10, 0, 0, "
        + "350, 7000, 0, 7000, 0, 7000, NOW(3) FROM seq_1_to_" + children + " st CROSS JOIN (SELECT DISTINCT "
        + "DATE_FORMAT(d, '%Y-%m-01') AS m FROM " + dates + " dm WHERE LAST_DAY(d) <= '" + lastDay + "') mm;"
        + "COMMIT;";
    db.run(sql);
    return school;
  }

  /** The seeded rows the report names: roll-call marks, hand-overs, absence cases, notice recipients. */
  String counts(Mariadb db) throws IOException, InterruptedException {
    return db.run("SELECT (SELECT COUNT(*) FROM roll_call_mark), (SELECT COUNT(*) FROM handover), "
        + "(SELECT COUNT(*) FROM absence_case), (SELECT COUNT(*) FROM leave_request), "
        + "(SELECT COUNT(*) FROM parent_notice_guardian), (SELECT COUNT(*) FROM fee_statement), "
        + "(SELECT COUNT(DISTINCT session_date) FROM roll_call_mark)");
  }
}
