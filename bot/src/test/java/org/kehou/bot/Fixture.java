package org.kehou.bot;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/**
 * Roster rows written straight to the database: the bot's tests do not depend on the admin API. Every test makes its
 * own school with a unique code, so tests never see each other's rows.
 */
final class Fixture {

  static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
  private static final String CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

  private final JdbcTemplate jdbc;
  final long schoolId;
  final String schoolName;
  final long termId;

  private Fixture(JdbcTemplate jdbc, long schoolId, String schoolName, long termId) {
    this.jdbc = jdbc;
    this.schoolId = schoolId;
    this.schoolName = schoolName;
    this.termId = termId;
  }

  /** A school whose current term started ten days ago, with a summer timetable and 3.50 yuan a lesson. */
  static Fixture school(JdbcTemplate jdbc) {
    String code = "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    String name = "测试第" + ThreadLocalRandom.current().nextInt(1000, 9999) + "小学";
    long schoolId = insert(jdbc, "INSERT INTO school (code, name) VALUES (?, ?)", code, name);
    LocalDate today = LocalDate.now(BEIJING);
    long termId = insert(jdbc, "INSERT INTO term (school_id, name, starts_on, ends_on, summer_starts_on, summer_ends_on, "
            + "fee_per_lesson_fen) VALUES (?, ?, ?, ?, ?, ?, ?)",
        schoolId, "2026春季学期", Date.valueOf(today.minusDays(10)), Date.valueOf(today.plusDays(120)),
        Date.valueOf(LocalDate.of(2026, 5, 1)), Date.valueOf(LocalDate.of(2026, 9, 30)), 350);
    return new Fixture(jdbc, schoolId, name, termId);
  }

  long schoolClass(int level, String name) {
    Long gradeId = jdbc.query("SELECT id FROM grade WHERE school_id = ? AND level = ?",
        rs -> rs.next() ? rs.getLong(1) : null, schoolId, level);
    if (gradeId == null) {
      gradeId = insert(jdbc, "INSERT INTO grade (school_id, level, name) VALUES (?, ?, ?)", schoolId, level,
          level + "年级");
    }
    return insert(jdbc, "INSERT INTO school_class (school_id, grade_id, name) VALUES (?, ?, ?)", schoolId, gradeId,
        name);
  }

  long student(long classId, String name) {
    return student(classId, name, "NONE");
  }

  long student(long classId, String name, String priority) {
    return insert(jdbc, "INSERT INTO student (school_id, class_id, student_no, name, priority) VALUES (?, ?, ?, ?, ?)",
        schoolId, classId, "S" + UUID.randomUUID().toString().substring(0, 8), name, priority);
  }

  long guardian(String name, long... children) {
    String phone = "13" + ThreadLocalRandom.current().nextLong(100_000_000L, 999_999_999L);
    long id = insert(jdbc, "INSERT INTO guardian (school_id, name, phone) VALUES (?, ?, ?)", schoolId, name, phone);
    for (long child : children) {
      jdbc.update("INSERT INTO student_guardian (student_id, guardian_id, relation) VALUES (?, ?, ?)", child, id, "父母");
    }
    return id;
  }

  /** A staff account of this school (password hash unusable: the bot's tests never log in). */
  long staff(String role, String displayName) {
    return insert(jdbc, "INSERT INTO staff (school_id, username, display_name, password_hash, role) "
        + "VALUES (?, ?, ?, 'x', ?)", schoolId, "u" + UUID.randomUUID().toString().substring(0, 12), displayName, role);
  }

  /** A live binding code for the guardian, valid until the end of the term. */
  String code(long guardianId) {
    StringBuilder code = new StringBuilder();
    for (int i = 0; i < 10; i++) {
      code.append(CODE_ALPHABET.charAt(ThreadLocalRandom.current().nextInt(CODE_ALPHABET.length())));
    }
    jdbc.update("INSERT INTO binding_code (school_id, guardian_id, code, expires_at) VALUES (?, ?, ?, ?)",
        schoolId, guardianId, code.toString(), Timestamp.valueOf(LocalDateTime.now(BEIJING).plusDays(100)));
    return code.toString();
  }

  /** An open offering of the current term; weekdays bit 0 = Monday, grades bit 0 = grade 1. */
  long offering(String name, int weekdays, int grades, int capacity) {
    return insert(jdbc, "INSERT INTO offering (school_id, term_id, name, kind, weekdays, grades, capacity, starts_at, "
        + "ends_at) VALUES (?, ?, ?, 'CLUB', ?, ?, ?, '15:30:00', '17:30:00')",
        schoolId, termId, name, weekdays, grades, capacity);
  }

  private static long insert(JdbcTemplate jdbc, String sql, Object... args) {
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.update(con -> {
      PreparedStatement ps = con.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS);
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      return ps;
    }, keys);
    return Objects.requireNonNull(keys.getKey()).longValue();
  }
}
