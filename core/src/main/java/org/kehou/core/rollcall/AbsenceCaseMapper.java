package org.kehou.core.rollcall;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;
import org.kehou.core.GeneratedId;

@Mapper
interface AbsenceCaseMapper {

  String CASE_COLUMNS = "SELECT c.id, c.school_id, c.offering_id, o.name AS offering, o.teacher_id, "
      + "c.session_date AS date, c.student_id, s.name AS student_name, sc.name AS class_name, sc.class_teacher_id, "
      + "c.opened_at, c.escalated_at, c.closed_at, c.closed_by, c.outcome, c.outcome_note FROM absence_case c "
      + "JOIN offering o ON o.id = c.offering_id JOIN student s ON s.id = c.student_id "
      + "JOIN school_class sc ON sc.id = s.class_id ";

  @Insert("INSERT INTO absence_case (school_id, offering_id, session_date, student_id, opened_at, opened_by) "
      + "VALUES (#{schoolId}, #{offeringId}, #{date}, #{studentId}, #{now}, #{by})")
  @Options(useGeneratedKeys = true, keyProperty = "key.id")
  void open(@Param("schoolId") long schoolId, @Param("offeringId") long offeringId, @Param("date") LocalDate date,
      @Param("studentId") long studentId, @Param("by") long by, @Param("now") LocalDateTime now,
      @Param("key") GeneratedId key);

  @Insert("INSERT INTO absence_case_event (case_id, kind, at, staff_id, guardian_id, text) "
      + "VALUES (#{caseId}, #{kind}, #{at}, #{staffId}, #{guardianId}, #{text})")
  void event(@Param("caseId") long caseId, @Param("kind") String kind, @Param("at") LocalDateTime at,
      @Param("staffId") Long staffId, @Param("guardianId") Long guardianId, @Param("text") String text);

  @Select("SELECT id FROM absence_case WHERE offering_id = #{offeringId} AND session_date = #{date} "
      + "AND student_id = #{studentId} AND closed_at IS NULL")
  Optional<Long> openFor(@Param("offeringId") long offeringId, @Param("date") LocalDate date,
      @Param("studentId") long studentId);

  @Select(CASE_COLUMNS + "WHERE c.id = #{id}")
  Optional<AbsenceCase> find(long id);

  @Select(CASE_COLUMNS + "WHERE c.id = #{id} FOR UPDATE")
  Optional<AbsenceCase> lock(long id);

  /** The day's cases the caller may see: all for an admin, else those of sessions taught and classes led. */
  @Select(CASE_COLUMNS + "WHERE c.school_id = #{schoolId} AND c.session_date = #{date} "
      + "AND (#{all} OR o.teacher_id = #{staffId} OR sc.class_teacher_id = #{staffId}) ORDER BY c.id")
  List<AbsenceCase> ofDay(@Param("schoolId") long schoolId, @Param("date") LocalDate date,
      @Param("staffId") long staffId, @Param("all") boolean all);

  @Select("SELECT e.id, e.kind, e.at, e.staff_id, st.display_name AS staff_name, e.guardian_id, "
      + "g.name AS guardian_name, e.text FROM absence_case_event e LEFT JOIN staff st ON st.id = e.staff_id "
      + "LEFT JOIN guardian g ON g.id = e.guardian_id WHERE e.case_id = #{caseId} ORDER BY e.id")
  List<CaseEvent> timeline(long caseId);

  /** Only while open: an outcome and a correction racing each other close the case once. */
  @Update("UPDATE absence_case SET closed_at = #{now}, closed_by = #{by}, outcome = #{outcome}, "
      + "outcome_note = #{note} WHERE id = #{id} AND closed_at IS NULL")
  int close(@Param("id") long id, @Param("by") long by, @Param("outcome") String outcome,
      @Param("note") String note, @Param("now") LocalDateTime now);

  @Select("SELECT id FROM absence_case WHERE closed_at IS NULL AND escalated_at IS NULL AND opened_at <= #{cutoff} "
      + "ORDER BY id")
  List<Long> dueForEscalation(LocalDateTime cutoff);

  /** 1 for the run that escalates, 0 for a second node or a re-run. */
  @Update("UPDATE absence_case SET escalated_at = #{now} WHERE id = #{id} AND escalated_at IS NULL "
      + "AND closed_at IS NULL")
  int escalate(@Param("id") long id, @Param("now") LocalDateTime now);

  @Select("SELECT guardian_id FROM student_guardian WHERE student_id = #{studentId} ORDER BY guardian_id")
  List<Long> guardians(long studentId);

  /** The open cases of the children a guardian is guardian of. */
  @Select("SELECT c.id FROM absence_case c JOIN student_guardian sg ON sg.student_id = c.student_id "
      + "WHERE sg.guardian_id = #{guardianId} AND c.closed_at IS NULL ORDER BY c.id")
  List<Long> openForGuardian(long guardianId);
}
