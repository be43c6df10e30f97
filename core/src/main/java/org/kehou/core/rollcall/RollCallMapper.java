package org.kehou.core.rollcall;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
interface RollCallMapper {

  /** Serialises the roll calls of one offering, so two teachers' saves never both open a case for one child. */
  @Select("SELECT id FROM offering WHERE id = #{id} FOR UPDATE")
  Long lockOffering(long offeringId);

  @Insert("INSERT INTO roll_call_mark (school_id, offering_id, session_date, student_id, present, marked_by, "
      + "marked_at) VALUES (#{schoolId}, #{offeringId}, #{date}, #{studentId}, #{present}, #{by}, #{at})")
  void mark(@Param("schoolId") long schoolId, @Param("offeringId") long offeringId, @Param("date") LocalDate date,
      @Param("studentId") long studentId, @Param("present") boolean present, @Param("by") long by,
      @Param("at") LocalDateTime at);

  /** Every mark of a session, oldest first: the last one per child is its current mark. */
  @Select("SELECT m.id, m.student_id, m.present, m.marked_by, st.display_name AS marked_by_name, m.marked_at "
      + "FROM roll_call_mark m JOIN staff st ON st.id = m.marked_by "
      + "WHERE m.offering_id = #{offeringId} AND m.session_date = #{date} ORDER BY m.id")
  List<Mark> marks(@Param("offeringId") long offeringId, @Param("date") LocalDate date);

  @Select("SELECT EXISTS (SELECT 1 FROM roll_call_mark WHERE offering_id = #{offeringId} AND session_date = #{date})")
  boolean taken(@Param("offeringId") long offeringId, @Param("date") LocalDate date);

  /** 1 when this call wrote the alert's key, 0 when another run or node had: only the writer sends. */
  @Insert("INSERT IGNORE INTO session_alert (offering_id, session_date, kind, created_at) "
      + "VALUES (#{offeringId}, #{date}, #{kind}, #{now})")
  int claimAlert(@Param("offeringId") long offeringId, @Param("date") LocalDate date, @Param("kind") String kind,
      @Param("now") LocalDateTime now);

  @Select("SELECT id FROM school ORDER BY id")
  List<Long> schools();

  /** Only a child of the caller's school is named; another school's child stays a number. */
  @Select("SELECT s.name FROM student s JOIN school_class c ON c.id = s.class_id "
      + "WHERE s.id = #{id} AND c.school_id = #{schoolId}")
  java.util.Optional<String> studentName(@Param("id") long id, @Param("schoolId") long schoolId);
}
