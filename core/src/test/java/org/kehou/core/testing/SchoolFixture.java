package org.kehou.core.testing;

import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * Builds a school's rows straight into the database for tests, so each test owns a school of its own and never depends
 * on rows another test left behind.
 */
public final class SchoolFixture {

  private final JdbcTemplate jdbc;
  public final long schoolId;
  public final long termId;
  private int counter;

  public SchoolFixture(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    String code = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    this.schoolId = insert("INSERT INTO school (code, name) VALUES (?, ?)", code, "测试小学");
    LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
    this.termId = insert("INSERT INTO term (school_id, name, starts_on, ends_on, summer_starts_on, summer_ends_on) "
        + "VALUES (?, ?, ?, ?, ?, ?)", schoolId, "2026学年", today.minusDays(30), today.plusDays(120),
        today.minusDays(30), today.minusDays(1));
  }

  public long staff(String role) {
    String username = "u" + UUID.randomUUID().toString().substring(0, 12);
    return insert("INSERT INTO staff (school_id, username, display_name, password_hash, role) VALUES (?, ?, ?, ?, ?)",
        schoolId, username, "老师" + (++counter), "x", role);
  }

  public long schoolClass(int level, String name, Long teacherId) {
    long gradeId = jdbc.query("SELECT id FROM grade WHERE school_id = ? AND level = ?",
        rs -> rs.next() ? rs.getLong(1) : -1L, schoolId, level);
    if (gradeId < 0) {
      gradeId = insert("INSERT INTO grade (school_id, level, name) VALUES (?, ?, ?)", schoolId, level, level + "年级");
    }
    return insert("INSERT INTO school_class (school_id, grade_id, name, class_teacher_id) VALUES (?, ?, ?, ?)",
        schoolId, gradeId, name, teacherId);
  }

  public long student(long classId, String name, String priority) {
    return insert("INSERT INTO student (school_id, class_id, student_no, name, priority) VALUES (?, ?, ?, ?, ?)",
        schoolId, classId, "S" + (++counter), name, priority);
  }

  public long guardian(String name, long studentId, String relation) {
    long id = insert("INSERT INTO guardian (school_id, name, phone) VALUES (?, ?, ?)", schoolId, name,
        "139" + String.format("%08d", (int) (Math.random() * 1e8)));
    jdbc.update("INSERT INTO student_guardian (student_id, guardian_id, relation) VALUES (?, ?, ?)", studentId, id,
        relation);
    return id;
  }

  public String bindWeChat(long guardianId) {
    String openid = "o" + UUID.randomUUID().toString().replace("-", "");
    jdbc.update("INSERT INTO wechat_binding (openid, guardian_id) VALUES (?, ?)", openid, guardianId);
    return openid;
  }

  public long offering(String name, int capacity) {
    return offering(name, capacity, 0b11111);
  }

  /** An offering running on the given days: bit 0 = Monday .. bit 4 = Friday. */
  public long offering(String name, int capacity, int weekdays) {
    return insert("INSERT INTO offering (school_id, term_id, name, kind, weekdays, grades, capacity, starts_at, ends_at) "
        + "VALUES (?, ?, ?, 'CLUB', ?, 63, ?, '15:30', '16:30')", schoolId, termId, name, weekdays, capacity);
  }

  /** A submitted application with one choice per offering, as the bot writes it. */
  public long application(long studentId, long guardianId, String choiceStatus, long... offeringIds) {
    long id = insert("INSERT INTO application (school_id, term_id, student_id, applicant_guardian_id, state) "
        + "VALUES (?, ?, ?, ?, 'SUBMITTED')", schoolId, termId, studentId, guardianId);
    jdbc.update("INSERT INTO application_history (application_id, to_state, actor_kind, actor_id) "
        + "VALUES (?, 'SUBMITTED', 'GUARDIAN', ?)", id, guardianId);
    for (long offeringId : offeringIds) {
      jdbc.update("INSERT INTO application_choice (application_id, offering_id, status) VALUES (?, ?, ?)", id,
          offeringId, choiceStatus);
    }
    return id;
  }

  public String state(long applicationId) {
    return jdbc.queryForObject("SELECT state FROM application WHERE id = ?", String.class, applicationId);
  }

  private long insert(String sql, Object... args) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.update(con -> {
      PreparedStatement ps = con.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS);
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      return ps;
    }, keys);
    return keys.getKey().longValue();
  }
}
