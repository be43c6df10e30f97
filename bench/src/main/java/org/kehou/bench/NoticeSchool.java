package org.kehou.bench;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The school of the notice bench (school id 1, code NOTICE, through the mariadb client): {@code guardians} guardians,
 * each bound to WeChat with one account ({@code notice-g-00001}…) and a child of their own; every fifth guardian has a
 * second child too, in another class, so a school-wide notice names two children in one message to them. Six grades
 * of eight classes; a term covering today (the bot's chat wants one).
 */
record NoticeSchool(int guardians, LocalDate today) {

  static final String CODE = "NOTICE";
  private static final int CLASSES = 48;

  int children() {
    return guardians + guardians / 5;
  }

  /** Guardians with two children in the audience: every fifth. */
  int withTwoChildren() {
    return guardians / 5;
  }

  static String openid(long guardian) {
    return String.format("notice-g-%05d", guardian);
  }

  /** Every guardian's account: each must receive the notice exactly once. */
  List<String> openids() {
    List<String> all = new ArrayList<>();
    for (long g = 1; g <= guardians; g++) {
      all.add(openid(g));
    }
    return all;
  }

  /** Every {@code every}-th guardian whose own child is in the grade (level 1 to 6): a warm-up notice's confirmers. */
  List<Long> ofGrade(int grade, int every) {
    List<Long> found = new ArrayList<>();
    int n = 0;
    for (long g = 1; g <= guardians; g++) {
      if (1 + ((g - 1) % CLASSES) / 8 == grade && n++ % every == 0) {
        found.add(g);
      }
    }
    return found;
  }

  /** {@code count} guardians who will send 收到, drawn once from a seeded random (the same in every run). */
  List<Long> confirmers(int count, long seed) {
    List<Long> all = new ArrayList<>();
    for (long g = 1; g <= guardians; g++) {
      all.add(g);
    }
    Collections.shuffle(all, new Random(seed));
    return List.copyOf(all.subList(0, Math.min(count, guardians)));
  }

  void seed(Mariadb db) throws IOException, InterruptedException {
    int g = guardians;
    StringBuilder sql = new StringBuilder("SET NAMES utf8mb4; START TRANSACTION;");
    sql.append("INSERT INTO school (id, code, name) VALUES (1, '").append(CODE).append("', '通知测试学校');");
    sql.append("INSERT INTO term (id, school_id, name, starts_on, ends_on) VALUES (1, 1, 'notice bench term', '")
        .append(today.minusDays(60)).append("', '").append(today.plusDays(120)).append("');");
    sql.append("INSERT INTO grade (id, school_id, level, name) SELECT seq, 1, seq, CONCAT(seq, '年级') "
        + "FROM seq_1_to_6;");
    sql.append("INSERT INTO school_class (id, school_id, grade_id, name) SELECT seq, 1, 1 + (seq - 1) DIV 8, "
        + "CONCAT(1 + (seq - 1) DIV 8, '年级', 1 + (seq - 1) % 8, '班') FROM seq_1_to_").append(CLASSES).append(";");
    // Child i of guardian i; child g + k, the second of guardian 5k, three classes further along.
    sql.append("INSERT INTO student (id, school_id, class_id, student_no, name) SELECT seq, 1, 1 + (seq - 1) % ")
        .append(CLASSES).append(", CONCAT('notice-', LPAD(seq, 6, '0')), CONCAT('学生', seq) FROM seq_1_to_")
        .append(g).append(";");
    sql.append("INSERT INTO student (id, school_id, class_id, student_no, name) SELECT ").append(g)
        .append(" + seq, 1, 1 + (5 * seq + 2) % ").append(CLASSES).append(", CONCAT('notice-', LPAD(").append(g)
        .append(" + seq, 6, '0')), CONCAT('学生', ").append(g).append(" + seq) FROM seq_1_to_")
        .append(g / 5).append(";");
    sql.append("INSERT INTO guardian (id, school_id, name, phone) SELECT seq, 1, CONCAT('家长', seq), "
        + "CONCAT('137', LPAD(seq, 8, '0')) FROM seq_1_to_").append(g).append(";");
    sql.append("INSERT INTO student_guardian (student_id, guardian_id, relation) SELECT seq, seq, '母亲' "
        + "FROM seq_1_to_").append(g).append(";");
    sql.append("INSERT INTO student_guardian (student_id, guardian_id, relation) SELECT ").append(g)
        .append(" + seq, 5 * seq, '母亲' FROM seq_1_to_").append(g / 5).append(";");
    sql.append("INSERT INTO wechat_binding (openid, guardian_id, current_student_id) SELECT CONCAT('notice-g-', "
        + "LPAD(seq, 5, '0')), seq, seq FROM seq_1_to_").append(g).append(";");
    sql.append("COMMIT;");
    db.run(sql.toString());
  }
}
