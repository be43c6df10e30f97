package org.kehou.core.roster;

import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;
import org.kehou.core.cache.Invalidates;
import org.kehou.core.cache.Region;

@Mapper
public interface ClassMapper {

  String SELECT = "SELECT c.id, c.school_id, c.grade_id, g.level AS grade_level, g.name AS grade_name, c.name, "
      + "c.class_teacher_id, t.display_name AS class_teacher_name FROM school_class c "
      + "JOIN grade g ON g.id = c.grade_id LEFT JOIN staff t ON t.id = c.class_teacher_id ";

  @Select(SELECT + "WHERE c.id = #{id}")
  Optional<SchoolClass> findById(long id);

  @Select(SELECT + "WHERE c.school_id = #{schoolId} AND c.name = #{name}")
  Optional<SchoolClass> findByName(@Param("schoolId") long schoolId, @Param("name") String name);

  @Select(SELECT + "WHERE c.school_id = #{schoolId} ORDER BY g.level, c.name")
  List<SchoolClass> listBySchool(long schoolId);

  @Select(SELECT + "WHERE c.class_teacher_id = #{staffId} ORDER BY g.level, c.name")
  List<SchoolClass> listByTeacher(long staffId);

  /** The class a pupil is in, which also tells the pupil's school. */
  @Select(SELECT + "JOIN student s ON s.class_id = c.id WHERE s.id = #{studentId}")
  Optional<SchoolClass> findByStudent(long studentId);

  /** The classes of a guardian's children. */
  @Select(SELECT + "WHERE c.id IN (SELECT s.class_id FROM student_guardian sg JOIN student s ON s.id = sg.student_id "
      + "WHERE sg.guardian_id = #{guardianId}) ORDER BY g.level, c.name")
  List<SchoolClass> listByGuardian(long guardianId);

  @Invalidates(Region.BINDINGS)
  @Update("UPDATE school_class SET class_teacher_id = #{staffId} WHERE id = #{classId}")
  void setClassTeacher(@Param("classId") long classId, @Param("staffId") Long staffId);

  /** One row per pupil and guardian; a pupil without guardians comes once with null guardian columns. */
  @Select("SELECT s.id AS student_id, s.student_no, s.name AS student_name, s.priority, g.id AS guardian_id, "
      + "g.name AS guardian_name, g.phone, sg.relation FROM student s "
      + "LEFT JOIN student_guardian sg ON sg.student_id = s.id LEFT JOIN guardian g ON g.id = sg.guardian_id "
      + "WHERE s.class_id = #{classId} ORDER BY s.student_no, s.id, g.id")
  List<StudentGuardianRow> studentRows(long classId);

  record StudentGuardianRow(long studentId, String studentNo, String studentName, Priority priority, Long guardianId,
      String guardianName, String phone, String relation) {
  }
}
