package org.kehou.core.handover;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.kehou.core.GeneratedId;

@Mapper
interface HandoverMapper {

  /** The child's row lock orders two staff recording the same child's departure at once. */
  @Select("SELECT id FROM student WHERE id = #{id} FOR UPDATE")
  Long lockChild(long studentId);

  @Select("SELECT h.id, h.student_id, h.kind, h.guardian_id, h.pickup_adult_id, h.collector_name, "
      + "h.collector_relation, h.left_at, h.reason, h.recorded_by, st.display_name AS recorded_by_name, h.recorded_at, "
      + "h.corrects FROM handover h JOIN staff st ON st.id = h.recorded_by "
      + "WHERE h.offering_id = #{offeringId} AND h.session_date = #{date} ORDER BY h.id")
  List<Departure> ofSession(@Param("offeringId") long offeringId, @Param("date") LocalDate date);

  @Insert("INSERT INTO handover (school_id, offering_id, session_date, student_id, kind, guardian_id, pickup_adult_id, "
      + "collector_name, collector_relation, left_at, reason, recorded_by, recorded_at, corrects) VALUES (#{schoolId}, "
      + "#{offeringId}, #{date}, #{studentId}, #{kind}, #{guardianId}, #{adultId}, #{name}, #{relation}, #{leftAt}, "
      + "#{reason}, #{staffId}, #{now}, #{corrects})")
  @Options(useGeneratedKeys = true, keyProperty = "key.id")
  void insert(@Param("schoolId") long schoolId, @Param("offeringId") long offeringId, @Param("date") LocalDate date,
      @Param("studentId") long studentId, @Param("kind") Departure.Kind kind, @Param("guardianId") Long guardianId,
      @Param("adultId") Long pickupAdultId, @Param("name") String collectorName,
      @Param("relation") String collectorRelation, @Param("leftAt") LocalDateTime leftAt,
      @Param("reason") String reason, @Param("staffId") long staffId, @Param("now") LocalDateTime now,
      @Param("corrects") Long corrects, @Param("key") GeneratedId key);

  @Select("SELECT id FROM school ORDER BY id")
  List<Long> schools();

  /** Children whose latest roll-call mark of the session is present. */
  @Select("SELECT m.student_id FROM roll_call_mark m WHERE m.offering_id = #{offeringId} AND m.session_date = #{date} "
      + "AND m.present = 1 AND m.id = (SELECT MAX(x.id) FROM roll_call_mark x WHERE x.offering_id = m.offering_id "
      + "AND x.session_date = m.session_date AND x.student_id = m.student_id)")
  List<Long> present(@Param("offeringId") long offeringId, @Param("date") LocalDate date);

  /** Children with any departure recorded for the session (handed over, gone home alone, or left early). */
  @Select("SELECT DISTINCT student_id FROM handover WHERE offering_id = #{offeringId} AND session_date = #{date}")
  List<Long> departed(@Param("offeringId") long offeringId, @Param("date") LocalDate date);

  @Select("SELECT room FROM offering WHERE id = #{id}")
  String room(long offeringId);

  @Select("SELECT id FROM staff WHERE school_id = #{schoolId} AND role = 'SCHOOL_ADMIN' AND active ORDER BY id")
  List<Long> admins(long schoolId);

  record ChildGuardian(long studentId, long guardianId) {
  }

  @Select("<script>SELECT student_id, guardian_id FROM student_guardian WHERE student_id IN "
      + "<foreach item='id' collection='ids' open='(' separator=',' close=')'>#{id}</foreach> "
      + "ORDER BY student_id, guardian_id</script>")
  List<ChildGuardian> guardiansOf(@Param("ids") Collection<Long> studentIds);
}
