package org.kehou.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * One school of the sign-up rush, seeded through the mariadb client: a term open for sign-up today, four offerings
 * with less room than demand (homework care for most, a Go club with few seats, one club per half of the grades), and
 * {@code parents} bound guardians who have read the letter (every fifth with a second child; one child in ten with a
 * priority flag). Each run gets a school of its own, so runs never share seats and nothing is cleaned between them.
 * Ids come from the school's id, far above anything the webhook bench seeds.
 */
record RushSchool(int id, String label, int parents, boolean atClose) {

  /** An offering as seeded; {@code perMille} of the parents fit in it. */
  record OfferingSpec(String label, String name, String kind, int weekdays, int grades, int perMille) {

    int capacity(int parents) {
      return Math.max(1, parents * perMille / 1000);
    }
  }

  static final List<OfferingSpec> OFFERINGS = List.of(
      new OfferingSpec("homework care", "作业辅导", "HOMEWORK", 0b11111, 0b111111, 800),
      new OfferingSpec("Go club", "围棋社", "CLUB", 0b00101, 0b111111, 10),
      new OfferingSpec("basketball (4-6)", "篮球社", "CLUB", 0b01010, 0b111000, 50),
      new OfferingSpec("choir (1-3)", "合唱团", "CLUB", 0b10001, 0b000111, 50));

  /** What a parent wants: homework care, the Go club, the club of the child's half of the school. */
  enum Wish {
    HOMEWORK, GO, GRADE_CLUB
  }

  private static final int BLOCK = 100_000;
  private static final int SECOND_CHILD = 50_000;

  long offeringId(int index) {
    return id * 10L + index + 1;
  }

  String openid(int parent) {
    return "rush" + id + "-" + String.format("%05d", parent + 1);
  }

  long firstGuardian() {
    return (long) id * BLOCK + 1;
  }

  long lastGuardian() {
    return (long) id * BLOCK + parents;
  }

  /** The same wishes for the same parent in every run (seeded), so runs differ only in timing and allocation. */
  static List<Wish> wishes(int parent) {
    Random random = new Random(9_973L * parent + 17);
    boolean homework = random.nextDouble() < 0.85;
    List<Wish> wishes = new ArrayList<>();
    if (homework) {
      wishes.add(Wish.HOMEWORK);
    }
    if (random.nextDouble() < 0.45) {
      wishes.add(random.nextDouble() < 0.4 ? Wish.GO : Wish.GRADE_CLUB);
    }
    if (wishes.isEmpty()) {
      wishes.add(Wish.HOMEWORK);
    }
    return wishes;
  }

  void seed(Mariadb db) throws IOException, InterruptedException {
    if (parents >= SECOND_CHILD) {
      throw new IllegalArgumentException("at most " + (SECOND_CHILD - 1) + " parents per school");
    }
    long base = (long) id * BLOCK;
    String grades = "'一年级','二年级','三年级','四年级','五年级','六年级'";
    StringBuilder sql = new StringBuilder("SET NAMES utf8mb4; START TRANSACTION;");
    sql.append("INSERT INTO school (id, code, name) VALUES (").append(id).append(", 'RUSH").append(id)
        .append("', '第").append(id).append("实验小学');");
    sql.append("INSERT INTO term (id, school_id, name, starts_on, ends_on) VALUES (").append(id).append(", ")
        .append(id).append(", '秋季学期', CURDATE() - INTERVAL 7 DAY, CURDATE() + INTERVAL 120 DAY);");
    sql.append("INSERT INTO grade (id, school_id, level, name) SELECT ").append(id).append(" * 10 + seq, ").append(id)
        .append(", seq, ELT(seq, ").append(grades).append(") FROM seq_1_to_6;");
    sql.append("INSERT INTO school_class (id, school_id, grade_id, name) SELECT ").append(id).append(" * 100 + seq, ")
        .append(id).append(", ").append(id).append(" * 10 + CEIL(seq / 2), CONCAT(ELT(CEIL(seq / 2), ")
        .append(grades).append("), 2 - MOD(seq, 2), '班') FROM seq_1_to_12;");
    for (int i = 0; i < OFFERINGS.size(); i++) {
      OfferingSpec o = OFFERINGS.get(i);
      sql.append("INSERT INTO offering (id, school_id, term_id, name, kind, weekdays, grades, capacity, starts_at, "
          + "ends_at) VALUES (").append(offeringId(i)).append(", ").append(id).append(", ").append(id).append(", '")
          .append(o.name()).append("', '").append(o.kind()).append("', ").append(o.weekdays()).append(", ")
          .append(o.grades()).append(", ").append(o.capacity(parents)).append(", '15:30', '17:30');");
    }
    if (atClose) {
      // The allocation mode of issue 10: applications wait for the draw at the close instead of taking seats.
      sql.append("UPDATE offering SET allocation = 'AT_CLOSE', closes_at = NOW() + INTERVAL 1 DAY WHERE term_id = ")
          .append(id).append(';');
    }
    String seq = " FROM seq_1_to_" + parents;
    sql.append("INSERT INTO guardian (id, school_id, name, phone) SELECT ").append(base).append(" + seq, ").append(id)
        .append(", CONCAT('家长', seq), CONCAT('139', LPAD(seq, 8, '0'))").append(seq).append(';');
    sql.append("INSERT INTO student (id, school_id, class_id, student_no, name, priority) SELECT ").append(base)
        .append(" + seq, ").append(id).append(", ").append(id).append(" * 100 + 1 + MOD(seq, 12), CONCAT('R', seq), "
            + "CONCAT('学生', seq), CASE MOD(seq, 20) WHEN 7 THEN 'LEFT_BEHIND' WHEN 13 THEN 'HARDSHIP' ELSE 'NONE' END")
        .append(seq).append(';');
    sql.append("INSERT INTO student (id, school_id, class_id, student_no, name) SELECT ").append(base + SECOND_CHILD)
        .append(" + seq, ").append(id).append(", ").append(id).append(" * 100 + 1 + MOD(seq + 5, 12), CONCAT('R', ")
        .append(SECOND_CHILD).append(" + seq), CONCAT('学生', ").append(SECOND_CHILD).append(" + seq)").append(seq)
        .append(" WHERE MOD(seq, 5) = 0;");
    sql.append("INSERT INTO student_guardian (student_id, guardian_id, relation) SELECT ").append(base)
        .append(" + seq, ").append(base).append(" + seq, IF(MOD(seq, 2) = 1, '母亲', '父亲')").append(seq).append(';');
    sql.append("INSERT INTO student_guardian (student_id, guardian_id, relation) SELECT ").append(base + SECOND_CHILD)
        .append(" + seq, ").append(base).append(" + seq, IF(MOD(seq, 2) = 1, '母亲', '父亲')").append(seq)
        .append(" WHERE MOD(seq, 5) = 0;");
    sql.append("INSERT INTO wechat_binding (openid, guardian_id, current_student_id) SELECT CONCAT('rush").append(id)
        .append("-', LPAD(seq, 5, '0')), ").append(base).append(" + seq, ").append(base).append(" + seq").append(seq)
        .append(';');
    sql.append("COMMIT;");
    db.run(sql.toString());
  }

  /** Every parent has read the letter: the version the bot archived when it showed it once (see RushBench). */
  int receipts(Mariadb db) throws IOException, InterruptedException {
    db.run("INSERT INTO letter_receipt (letter_version_id, guardian_id, openid) SELECT v.id, wb.guardian_id, "
        + "wb.openid FROM letter_version v JOIN wechat_binding wb ON wb.guardian_id BETWEEN " + firstGuardian()
        + " AND " + lastGuardian() + " WHERE v.term_id = " + id + " ON DUPLICATE KEY UPDATE id = letter_receipt.id");
    return db.count("SELECT COUNT(*) FROM letter_receipt r JOIN letter_version v ON v.id = r.letter_version_id "
        + "WHERE v.term_id = " + id);
  }
}
