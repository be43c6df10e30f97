package org.kehou.core.fee;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.kehou.core.GeneratedId;

@Mapper
interface FeeMapper {

  @Select("SELECT term_id, lesson_tenths, hardship_percent FROM term_fee_rule WHERE term_id = #{termId}")
  Optional<FeeRule> rule(long termId);

  @Insert("INSERT INTO term_fee_rule (term_id, lesson_tenths, hardship_percent, changed_by, changed_at) "
      + "VALUES (#{r.termId}, #{r.lessonTenths}, #{r.hardshipPercent}, #{staffId}, #{now}) ON DUPLICATE KEY UPDATE "
      + "lesson_tenths = VALUES(lesson_tenths), hardship_percent = VALUES(hardship_percent), "
      + "changed_by = VALUES(changed_by), changed_at = VALUES(changed_at)")
  void putRule(@Param("r") FeeRule rule, @Param("staffId") long staffId, @Param("now") LocalDateTime now);

  @Select("SELECT id FROM student WHERE school_id = #{schoolId} AND priority = 'HARDSHIP'")
  List<Long> hardshipChildren(long schoolId);

  record LeaveDay(long studentId, LocalDate day) {
  }

  @Select("SELECT student_id, day FROM leave_request WHERE school_id = #{schoolId} AND live = 1 "
      + "AND day BETWEEN #{from} AND #{to}")
  List<LeaveDay> leaveDays(@Param("schoolId") long schoolId, @Param("from") LocalDate from,
      @Param("to") LocalDate to);

  String STATEMENT = "SELECT f.id, f.school_id, f.term_id, f.student_id, s.name AS student_name, "
      + "c.name AS class_name, f.month, f.sessions, f.lesson_tenths, f.tenths_per_session, f.hardship_percent, f.leave_days, f.fee_per_lesson_fen, f.gross_fen, "
      + "f.reduction_fen, f.charged_fen, f.adjustment_fen, f.amount_fen, f.created_at "
      + "FROM fee_statement f JOIN student s ON s.id = f.student_id JOIN school_class c ON c.id = s.class_id ";

  @Select(STATEMENT + "WHERE f.school_id = #{schoolId} AND f.month = #{month} ORDER BY c.name, s.student_no")
  List<FeeStatement> ofMonth(@Param("schoolId") long schoolId, @Param("month") LocalDate month);

  @Select(STATEMENT + "WHERE f.student_id = #{studentId} ORDER BY f.month DESC LIMIT #{limit}")
  List<FeeStatement> ofStudent(@Param("studentId") long studentId, @Param("limit") int limit);

  /** The school's statements of the months before {@code month} within {@code since}: what was billed so far. */
  @Select(STATEMENT + "WHERE f.school_id = #{schoolId} AND f.month < #{month} AND f.month >= #{since}")
  List<FeeStatement> earlier(@Param("schoolId") long schoolId, @Param("month") LocalDate month,
      @Param("since") LocalDate since);

  record AdjustmentRow(long statementId, long studentId, LocalDate forMonth, int deltaSessions, int deltaFen) {
  }

  @Select("SELECT a.statement_id, f.student_id, a.for_month, a.delta_sessions, a.delta_fen FROM fee_adjustment a "
      + "JOIN fee_statement f ON f.id = a.statement_id WHERE f.school_id = #{schoolId} AND a.for_month >= #{since}")
  List<AdjustmentRow> adjustmentsSince(@Param("schoolId") long schoolId, @Param("since") LocalDate since);

  @Select("SELECT a.statement_id, f.student_id, a.for_month, a.delta_sessions, a.delta_fen FROM fee_adjustment a "
      + "JOIN fee_statement f ON f.id = a.statement_id WHERE a.statement_id = #{statementId} ORDER BY a.for_month")
  List<AdjustmentRow> adjustmentsOn(long statementId);

  /** The adjustments carried by every statement of a month, in one read (see {@link #adjustmentsOn}). */
  @Select("SELECT a.statement_id, f.student_id, a.for_month, a.delta_sessions, a.delta_fen FROM fee_adjustment a "
      + "JOIN fee_statement f ON f.id = a.statement_id WHERE f.school_id = #{schoolId} AND f.month = #{month} "
      + "ORDER BY a.statement_id, a.for_month")
  List<AdjustmentRow> adjustmentsOfMonth(@Param("schoolId") long schoolId, @Param("month") LocalDate month);

  @Select("SELECT COUNT(*) > 0 FROM fee_statement WHERE school_id = #{schoolId} AND month = #{month}")
  boolean issued(@Param("schoolId") long schoolId, @Param("month") LocalDate month);

  /** The amounts of a statement, as computed by {@link Charge} and the adjustments it carries. */
  record NewStatement(long schoolId, long termId, long studentId, LocalDate month, int sessions, int lessonTenths,
      int tenthsPerSession, int hardshipPercent, int leaveDays, int feePerLessonFen, int grossFen, int reductionFen,
      int chargedFen, int adjustmentFen, int amountFen) {
  }

  /** Fails on uq_fee_statement when another instance issued this child's month first. */
  @Insert("INSERT INTO fee_statement (school_id, term_id, student_id, month, sessions, lesson_tenths, "
      + "tenths_per_session, hardship_percent, leave_days, fee_per_lesson_fen, gross_fen, reduction_fen, charged_fen, "
      + "adjustment_fen, amount_fen, created_at) VALUES (#{s.schoolId}, #{s.termId}, #{s.studentId}, #{s.month}, "
      + "#{s.sessions}, #{s.lessonTenths}, #{s.tenthsPerSession}, #{s.hardshipPercent}, #{s.leaveDays}, "
      + "#{s.feePerLessonFen}, #{s.grossFen}, #{s.reductionFen}, #{s.chargedFen}, #{s.adjustmentFen}, "
      + "#{s.amountFen}, #{now})")
  @Options(useGeneratedKeys = true, keyProperty = "key.id")
  void insertStatement(@Param("s") NewStatement statement, @Param("now") LocalDateTime now,
      @Param("key") GeneratedId key);

  @Insert("INSERT INTO fee_adjustment (statement_id, for_month, delta_sessions, delta_fen) VALUES (#{statementId}, "
      + "#{forMonth}, #{sessions}, #{delta})")
  void insertAdjustment(@Param("statementId") long statementId, @Param("forMonth") LocalDate forMonth,
      @Param("sessions") int deltaSessions, @Param("delta") int deltaFen);

  record GuardianOf(long studentId, long guardianId) {
  }

  @Select("SELECT sg.student_id, sg.guardian_id FROM student_guardian sg JOIN student s ON s.id = sg.student_id "
      + "WHERE s.school_id = #{schoolId}")
  List<GuardianOf> guardians(long schoolId);
}
