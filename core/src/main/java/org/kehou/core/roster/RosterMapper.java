package org.kehou.core.roster;

import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;
import org.kehou.core.cache.Invalidates;
import org.kehou.core.cache.Region;

/** Whole-school reads and batched writes for the roster import: a few statements per file, not one per cell. */
@Mapper
public interface RosterMapper {

  record GradeRow(long id, int level, String name) {
  }

  record ClassRow(long id, long gradeId, String name) {
  }

  record StudentRow(long id, String studentNo, String name, long classId, Priority priority) {
  }

  record GuardianRow(long id, String name, String phone) {
  }

  record LinkRow(long studentId, long guardianId, String relation) {
  }

  /** Serialises imports of one school, so two uploads at once cannot both insert the same pupil. */
  @Select("SELECT id FROM school WHERE id = #{schoolId} FOR UPDATE")
  Long lockSchool(long schoolId);

  @Select("SELECT id, level, name FROM grade WHERE school_id = #{schoolId}")
  List<GradeRow> grades(long schoolId);

  @Invalidates(Region.BINDINGS)
  @Insert("INSERT INTO grade (school_id, level, name) VALUES (#{schoolId}, #{level}, #{name})")
  void insertGrade(@Param("schoolId") long schoolId, @Param("level") int level, @Param("name") String name);

  @Select("SELECT id, grade_id, name FROM school_class WHERE school_id = #{schoolId}")
  List<ClassRow> classes(long schoolId);

  @Invalidates(Region.BINDINGS)
  @Insert("INSERT INTO school_class (school_id, grade_id, name) VALUES (#{schoolId}, #{gradeId}, #{name})")
  void insertClass(@Param("schoolId") long schoolId, @Param("gradeId") long gradeId, @Param("name") String name);

  @Invalidates(Region.BINDINGS)
  @Update("UPDATE school_class SET grade_id = #{gradeId} WHERE id = #{id}")
  void updateClassGrade(@Param("id") long id, @Param("gradeId") long gradeId);

  @Select("SELECT id, student_no, name, class_id, priority FROM student WHERE school_id = #{schoolId}")
  List<StudentRow> students(long schoolId);

  @Invalidates({Region.BINDINGS, Region.ENROLMENT})
  @Insert("<script>INSERT INTO student (school_id, class_id, student_no, name, priority) VALUES "
      + "<foreach item='s' collection='rows' separator=','>(#{schoolId}, #{s.classId}, #{s.studentNo}, #{s.name}, "
      + "#{s.priority})</foreach></script>")
  void insertStudents(@Param("schoolId") long schoolId, @Param("rows") List<StudentRow> rows);

  @Invalidates({Region.BINDINGS, Region.ENROLMENT})
  @Update("UPDATE student SET name = #{s.name}, class_id = #{s.classId}, priority = #{s.priority}, "
      + "updated_at = CURRENT_TIMESTAMP(3) WHERE id = #{s.id}")
  void updateStudent(@Param("s") StudentRow student);

  @Select("SELECT id, name, phone FROM guardian WHERE school_id = #{schoolId}")
  List<GuardianRow> guardians(long schoolId);

  @Invalidates(Region.BINDINGS)
  @Insert("<script>INSERT INTO guardian (school_id, name, phone) VALUES "
      + "<foreach item='g' collection='rows' separator=','>(#{schoolId}, #{g.name}, #{g.phone})</foreach></script>")
  void insertGuardians(@Param("schoolId") long schoolId, @Param("rows") List<GuardianRow> rows);

  @Invalidates(Region.BINDINGS)
  @Update("UPDATE guardian SET name = #{name}, updated_at = CURRENT_TIMESTAMP(3) WHERE id = #{id}")
  void updateGuardianName(@Param("id") long id, @Param("name") String name);

  /** A parent's new number (same name, same child): the guardian, their bindings and their history stay one. */
  @Invalidates(Region.BINDINGS)
  @Update("UPDATE guardian SET phone = #{phone}, updated_at = CURRENT_TIMESTAMP(3) WHERE id = #{id}")
  void updateGuardianPhone(@Param("id") long id, @Param("phone") String phone);

  @Select("SELECT sg.student_id, sg.guardian_id, sg.relation FROM student_guardian sg "
      + "JOIN student s ON s.id = sg.student_id WHERE s.school_id = #{schoolId}")
  List<LinkRow> links(long schoolId);

  @Invalidates(Region.BINDINGS)
  @Insert("<script>INSERT INTO student_guardian (student_id, guardian_id, relation) VALUES "
      + "<foreach item='l' collection='rows' separator=','>(#{l.studentId}, #{l.guardianId}, #{l.relation})</foreach>"
      + "</script>")
  void insertLinks(@Param("rows") List<LinkRow> rows);

  @Invalidates(Region.BINDINGS)
  @Delete("<script>DELETE FROM student_guardian WHERE (student_id, guardian_id) IN "
      + "<foreach item='l' collection='rows' open='(' separator=',' close=')'>(#{l.studentId}, #{l.guardianId})"
      + "</foreach></script>")
  int deleteLinks(@Param("rows") List<LinkRow> rows);

  @Select("<script>SELECT g.id FROM guardian g WHERE g.id IN "
      + "<foreach item='id' collection='ids' open='(' separator=',' close=')'>#{id}</foreach> "
      + "AND NOT EXISTS (SELECT 1 FROM student_guardian sg WHERE sg.guardian_id = g.id)</script>")
  List<Long> childless(@Param("ids") Collection<Long> guardianIds);

  @Invalidates(Region.BINDINGS)
  @Update("UPDATE student_guardian SET relation = #{relation} WHERE student_id = #{studentId} "
      + "AND guardian_id = #{guardianId}")
  void updateLinkRelation(LinkRow link);
}
