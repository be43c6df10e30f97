package org.kehou.core.pickup;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
interface HomeAloneMapper {

  @Select("SELECT from_grade FROM home_alone_rule WHERE school_id = #{schoolId}")
  Optional<Integer> fromGrade(long schoolId);

  @Insert("INSERT INTO home_alone_rule (school_id, from_grade, set_by, set_at) VALUES (#{schoolId}, #{grade}, "
      + "#{staffId}, #{now}) ON DUPLICATE KEY UPDATE from_grade = #{grade}, set_by = #{staffId}, set_at = #{now}")
  void setRule(@Param("schoolId") long schoolId, @Param("grade") int fromGrade, @Param("staffId") long staffId,
      @Param("now") LocalDateTime now);

  @Delete("DELETE FROM home_alone_rule WHERE school_id = #{schoolId}")
  void dropRule(long schoolId);

  @Select("SELECT g.level FROM student s JOIN school_class c ON c.id = s.class_id JOIN grade g ON g.id = c.grade_id "
      + "WHERE s.id = #{id}")
  int gradeLevel(long studentId);

  String PERMISSION = "SELECT p.id, p.student_id, p.signed_by, a.name AS signed_by_name, p.signed_at, p.withdrawn_by, "
      + "w.name AS withdrawn_by_name, p.withdrawn_at FROM home_alone_permission p JOIN guardian a ON a.id = p.signed_by "
      + "LEFT JOIN guardian w ON w.id = p.withdrawn_by WHERE p.student_id = #{id} ";

  @Select(PERMISSION + "AND p.live = 1")
  Optional<HomeAlonePermission> live(long studentId);

  /** Which of these children hold a live permission and are in a grade from {@code fromGrade} on. */
  @Select("<script>SELECT p.student_id FROM home_alone_permission p JOIN student s ON s.id = p.student_id "
      + "JOIN school_class c ON c.id = s.class_id JOIN grade g ON g.id = c.grade_id "
      + "WHERE p.live = 1 AND g.level &gt;= #{fromGrade} AND p.student_id IN "
      + "<foreach item='id' collection='ids' open='(' separator=',' close=')'>#{id}</foreach></script>")
  List<Long> livePermissionsFrom(@Param("fromGrade") int fromGrade, @Param("ids") Collection<Long> studentIds);

  @Select(PERMISSION + "ORDER BY p.id")
  List<HomeAlonePermission> history(long studentId);

  @Insert("INSERT INTO home_alone_permission (school_id, student_id, signed_by, signed_name, signed_at) "
      + "VALUES (#{schoolId}, #{studentId}, #{guardianId}, #{name}, #{now})")
  void sign(@Param("schoolId") long schoolId, @Param("studentId") long studentId, @Param("guardianId") long guardianId,
      @Param("name") String signedName, @Param("now") LocalDateTime now);

  @Update("UPDATE home_alone_permission SET live = NULL, withdrawn_by = #{guardianId}, withdrawn_at = #{now} "
      + "WHERE id = #{id} AND live = 1")
  int withdraw(@Param("id") long id, @Param("guardianId") long guardianId, @Param("now") LocalDateTime now);
}
