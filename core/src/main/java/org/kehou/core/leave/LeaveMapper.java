package org.kehou.core.leave;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
interface LeaveMapper {

  String LEAVE = "SELECT l.id, l.student_id, s.name AS student_name, c.id AS class_id, c.name AS class_name, "
      + "c.class_teacher_id, l.day, l.reason, l.asked_by_guardian, g.name AS guardian_name, l.asked_by_staff, "
      + "st.display_name AS staff_name, l.asked_at, l.cancelled_by_guardian, l.cancelled_by_staff, l.cancelled_at "
      + "FROM leave_request l JOIN student s ON s.id = l.student_id JOIN school_class c ON c.id = s.class_id "
      + "LEFT JOIN guardian g ON g.id = l.asked_by_guardian LEFT JOIN staff st ON st.id = l.asked_by_staff ";

  @Select("SELECT s.id AS student_id, s.name, s.school_id, c.id AS class_id, c.name AS class_name, "
      + "c.class_teacher_id FROM student s JOIN school_class c ON c.id = s.class_id WHERE s.id = #{studentId}")
  Optional<LeaveChild> child(long studentId);

  /** Fails on the unique key (V43) when the child already has live leave that day: two guardians give one leave. */
  @Insert("INSERT INTO leave_request (school_id, student_id, day, reason, asked_by_guardian, asked_by_staff, asked_at) "
      + "VALUES (#{schoolId}, #{studentId}, #{day}, #{reason}, #{guardian}, #{staff}, #{now})")
  void insert(@Param("schoolId") long schoolId, @Param("studentId") long studentId, @Param("day") LocalDate day,
      @Param("reason") String reason, @Param("guardian") Long guardianId, @Param("staff") Long staffId,
      @Param("now") LocalDateTime now);

  @Select(LEAVE + "WHERE l.student_id = #{studentId} AND l.day = #{day} AND l.live = 1")
  Optional<Leave> live(@Param("studentId") long studentId, @Param("day") LocalDate day);

  /**
   * As {@link #live}, as committed now: after the other guardian's insert won the unique key, this transaction's
   * snapshot (repeatable read) may predate their row; a locking read sees it.
   */
  @Select(LEAVE + "WHERE l.student_id = #{studentId} AND l.day = #{day} AND l.live = 1 LOCK IN SHARE MODE")
  Optional<Leave> liveNow(@Param("studentId") long studentId, @Param("day") LocalDate day);

  @Select(LEAVE + "WHERE l.id = #{id}")
  Leave byId(long id);

  @Update("UPDATE leave_request SET live = NULL, cancelled_at = #{now}, cancelled_by_guardian = #{guardian}, "
      + "cancelled_by_staff = #{staff} WHERE id = #{id} AND live = 1")
  int cancel(@Param("id") long id, @Param("guardian") Long guardianId, @Param("staff") Long staffId,
      @Param("now") LocalDateTime now);

  /** A child's live leave from {@code from} on, soonest first. */
  @Select(LEAVE + "WHERE l.student_id = #{studentId} AND l.day >= #{from} AND l.live = 1 ORDER BY l.day LIMIT 20")
  List<Leave> upcoming(@Param("studentId") long studentId, @Param("from") LocalDate from);

  /** Every leave of a date in a school, cancelled ones too (the record); {@code classTeacher} null: every class. */
  @Select("<script>" + LEAVE + "WHERE l.school_id = #{schoolId} AND l.day = #{day} "
      + "<if test='classTeacher != null'>AND c.class_teacher_id = #{classTeacher} </if>"
      + "ORDER BY c.name, s.student_no, l.id</script>")
  List<Leave> onDay(@Param("schoolId") long schoolId, @Param("day") LocalDate day,
      @Param("classTeacher") Long classTeacherId);
}
