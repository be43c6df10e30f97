package org.kehou.core.lifecycle;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;
import org.kehou.core.cache.Invalidates;
import org.kehou.core.cache.Region;
import org.kehou.core.publicity.Objection;

@Mapper
public interface ReviewMapper {

  /**
   * Locks the application row only: the child and class are read in subqueries, which a locking read leaves unlocked.
   * A join would lock the class row too, shared by every child of the class, and cross the seat offers' locks.
   */
  @Select("SELECT a.id, a.school_id, a.term_id, a.student_id, "
      + "(SELECT s.name FROM student s WHERE s.id = a.student_id) AS student_name, "
      + "(SELECT s.class_id FROM student s WHERE s.id = a.student_id) AS class_id, "
      + "(SELECT c.class_teacher_id FROM student s JOIN school_class c ON c.id = s.class_id "
      + "WHERE s.id = a.student_id) AS class_teacher_id, a.state FROM application a WHERE a.id = #{id} FOR UPDATE")
  Optional<ApplicationRow> lock(long id);

  @Invalidates(Region.ENROLMENT)
  @Update("UPDATE application SET state = #{to}, updated_at = #{now}, "
      + "live = CASE WHEN #{ended} THEN NULL ELSE live END WHERE id = #{id}")
  void moveTo(@Param("id") long id, @Param("to") ApplicationState to, @Param("ended") boolean ended,
      @Param("now") LocalDateTime now);

  @Invalidates(Region.ENROLMENT)
  @Update("UPDATE application SET publicity_starts_at = #{starts}, publicity_ends_at = #{ends} WHERE id = #{id}")
  void startPublicity(@Param("id") long id, @Param("starts") LocalDateTime starts, @Param("ends") LocalDateTime ends);

  @Invalidates(Region.ENROLMENT)
  @Update("UPDATE application_choice SET status = 'RELEASED', updated_at = #{now} "
      + "WHERE application_id = #{id} AND status <> 'RELEASED'")
  int releaseChoices(@Param("id") long id, @Param("now") LocalDateTime now);

  @Insert("INSERT INTO application_history (application_id, from_state, to_state, actor_kind, actor_id, reason, at) "
      + "VALUES (#{id}, #{from}, #{to}, #{actorKind}, #{actorId}, #{reason}, #{at})")
  void appendHistory(@Param("id") long id, @Param("from") ApplicationState from, @Param("to") ApplicationState to,
      @Param("actorKind") String actorKind, @Param("actorId") Long actorId, @Param("reason") String reason,
      @Param("at") LocalDateTime at);

  @Select("SELECT id, from_state, to_state, actor_kind, actor_id, reason, at FROM application_history "
      + "WHERE application_id = #{id} ORDER BY id")
  List<HistoryEntry> history(long id);

  String LIST = "SELECT a.id, a.term_id, a.student_id, s.student_no, s.name AS student_name, s.class_id, "
      + "c.name AS class_name, s.priority, a.state, a.submitted_at, a.publicity_ends_at, "
      + "(SELECT GROUP_CONCAT(o.name ORDER BY o.id SEPARATOR ', ') FROM application_choice ac "
      + " JOIN offering o ON o.id = ac.offering_id WHERE ac.application_id = a.id AND ac.status != 'RELEASED') "
      + "AS offerings FROM application a JOIN student s ON s.id = a.student_id "
      + "JOIN school_class c ON c.id = s.class_id ";

  @Select("<script>" + LIST + "WHERE a.school_id = #{r.schoolId} AND a.term_id = #{termId} "
      + "<if test='!r.schoolAdmin'>AND c.class_teacher_id = #{r.staffId} </if>"
      + "<if test='state != null'>AND a.state = #{state} </if>"
      + "<if test='classId != null'>AND s.class_id = #{classId} </if>"
      + "ORDER BY c.name, s.student_no</script>")
  List<ReviewedApplication> list(@Param("r") Reviewer reviewer, @Param("termId") long termId,
      @Param("state") ApplicationState state, @Param("classId") Long classId);

  @Select(LIST + "WHERE a.term_id = #{termId} AND a.state = 'IN_PUBLICITY' ORDER BY c.name, s.student_no")
  List<ReviewedApplication> inPublicity(long termId);

  @Select("SELECT id FROM application WHERE state = 'IN_PUBLICITY' AND publicity_ends_at <= #{now} "
      + "AND NOT EXISTS (SELECT 1 FROM publicity_objection po WHERE po.application_id = application.id "
      + "AND po.resolution IS NULL) AND EXISTS (SELECT 1 FROM application_choice ac "
      + "WHERE ac.application_id = application.id AND ac.status = 'SEATED') ORDER BY id")
  List<Long> publicityOver(LocalDateTime now);

  @Insert("INSERT INTO publicity_objection (application_id, reason, recorded_by, recorded_at) "
      + "VALUES (#{id}, #{reason}, #{by}, #{at})")
  void recordObjection(@Param("id") long applicationId, @Param("reason") String reason, @Param("by") long staffId,
      @Param("at") LocalDateTime at);

  @Select("SELECT application_id FROM publicity_objection WHERE id = #{id} AND resolution IS NULL FOR UPDATE")
  Optional<Long> lockOpenObjection(long id);

  @Update("UPDATE publicity_objection SET resolution = #{resolution}, resolution_note = #{note}, resolved_by = #{by}, "
      + "resolved_at = #{at} WHERE id = #{id}")
  void resolveObjection(@Param("id") long id, @Param("resolution") String resolution, @Param("note") String note,
      @Param("by") long staffId, @Param("at") LocalDateTime at);

  @Select("SELECT id, application_id, reason, recorded_by, recorded_at, resolution, resolution_note, resolved_by, "
      + "resolved_at FROM publicity_objection WHERE application_id = #{id} ORDER BY id")
  List<Objection> objections(long applicationId);

  @Select("SELECT publicity_days FROM term WHERE id = #{termId}")
  int publicityDays(long termId);

  @Select("SELECT guardian_id FROM student_guardian WHERE student_id = #{studentId} ORDER BY guardian_id")
  List<Long> guardiansOf(long studentId);
}
