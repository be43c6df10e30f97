package org.kehou.core.duty;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;
import org.kehou.core.GeneratedId;

@Mapper
interface DutyMapper {

  @Select("SELECT term_id, teacher_rate_fen, manager_rate_fen, lesson_tenths, sign_in_opens_minutes, "
      + "sign_in_grace_minutes, sign_out_early_minutes, pupils_per_teacher, pupils_per_manager FROM term_duty_rule "
      + "WHERE term_id = #{termId}")
  Optional<DutyRule> rule(long termId);

  @Insert("INSERT INTO term_duty_rule (term_id, teacher_rate_fen, manager_rate_fen, lesson_tenths, "
      + "sign_in_opens_minutes, sign_in_grace_minutes, sign_out_early_minutes, pupils_per_teacher, pupils_per_manager, "
      + "changed_by, changed_at) VALUES (#{r.termId}, #{r.teacherRateFen}, #{r.managerRateFen}, #{r.lessonTenths}, "
      + "#{r.signInOpensMinutes}, #{r.signInGraceMinutes}, #{r.signOutEarlyMinutes}, #{r.pupilsPerTeacher}, "
      + "#{r.pupilsPerManager}, #{staffId}, #{now}) ON DUPLICATE KEY UPDATE "
      + "teacher_rate_fen = VALUES(teacher_rate_fen), manager_rate_fen = VALUES(manager_rate_fen), "
      + "lesson_tenths = VALUES(lesson_tenths), sign_in_opens_minutes = VALUES(sign_in_opens_minutes), "
      + "sign_in_grace_minutes = VALUES(sign_in_grace_minutes), sign_out_early_minutes = VALUES(sign_out_early_minutes), "
      + "pupils_per_teacher = VALUES(pupils_per_teacher), pupils_per_manager = VALUES(pupils_per_manager), "
      + "changed_by = VALUES(changed_by), changed_at = VALUES(changed_at)")
  void putRule(@Param("r") DutyRule rule, @Param("staffId") long staffId, @Param("now") LocalDateTime now);

  String ASSIGNMENT = "SELECT a.id, a.offering_id, a.staff_id, st.display_name AS staff_name, a.role, a.session_date "
      + "FROM duty_assignment a JOIN staff st ON st.id = a.staff_id ";

  /** Date-specific rows first: on their date they say more than a standing one. */
  @Select(ASSIGNMENT + "WHERE a.school_id = #{schoolId} AND (a.session_date IS NULL OR a.session_date BETWEEN #{from} "
      + "AND #{to}) ORDER BY a.session_date IS NULL, a.session_date, a.id")
  List<DutyAssignment> assignments(@Param("schoolId") long schoolId, @Param("from") LocalDate from,
      @Param("to") LocalDate to);

  @Select(ASSIGNMENT + "WHERE a.offering_id = #{offeringId} ORDER BY a.session_date IS NULL, a.session_date, a.id")
  List<DutyAssignment> ofOffering(long offeringId);

  /** The offering, locked, so that two assignments of one staff member cannot both pass the duplicate check. */
  @Select("SELECT school_id FROM offering WHERE id = #{offeringId} FOR UPDATE")
  Optional<Long> lockOffering(long offeringId);

  @Select("SELECT school_id FROM offering WHERE id = #{offeringId}")
  Optional<Long> offeringSchool(long offeringId);

  @Select("SELECT teacher_id FROM offering WHERE id = #{offeringId}")
  Optional<Long> offeringTeacher(long offeringId);

  @Select("SELECT school_id FROM staff WHERE id = #{staffId} AND active")
  Optional<Long> activeStaffSchool(long staffId);

  @Insert("INSERT INTO duty_assignment (school_id, offering_id, staff_id, role, session_date, created_by, created_at) "
      + "VALUES (#{schoolId}, #{offeringId}, #{staffId}, #{role}, #{date}, #{by}, #{now})")
  @Options(useGeneratedKeys = true, keyProperty = "key.id")
  void insertAssignment(@Param("schoolId") long schoolId, @Param("offeringId") long offeringId,
      @Param("staffId") long staffId, @Param("role") DutyRole role, @Param("date") LocalDate date,
      @Param("by") long by, @Param("now") LocalDateTime now, @Param("key") GeneratedId key);

  @Delete("DELETE FROM duty_assignment WHERE id = #{id} AND offering_id = #{offeringId}")
  int deleteAssignment(@Param("offeringId") long offeringId, @Param("id") long id);

  String SIGN = "SELECT offering_id, session_date, staff_id, kind = 'IN' AS sign_in, role, at, channel, recorded_by "
      + "FROM duty_sign ";

  @Select(SIGN + "WHERE school_id = #{schoolId} AND session_date BETWEEN #{from} AND #{to} ORDER BY id")
  List<DutySign> signs(@Param("schoolId") long schoolId, @Param("from") LocalDate from, @Param("to") LocalDate to);

  @Select(SIGN + "WHERE offering_id = #{offeringId} AND session_date = #{date} AND staff_id = #{staffId} ORDER BY id")
  List<DutySign> signsOf(@Param("offeringId") long offeringId, @Param("date") LocalDate date,
      @Param("staffId") long staffId);

  /** 0 when this sign of this staff member and session is there already (uq_duty_sign): one of each, never changed. */
  @Insert("INSERT IGNORE INTO duty_sign (school_id, offering_id, session_date, staff_id, kind, role, at, channel, "
      + "recorded_by) VALUES (#{schoolId}, #{offeringId}, #{date}, #{staffId}, #{kind}, #{role}, #{at}, #{channel}, "
      + "#{by})")
  int insertSign(@Param("schoolId") long schoolId, @Param("offeringId") long offeringId,
      @Param("date") LocalDate date, @Param("staffId") long staffId, @Param("kind") String kind,
      @Param("role") DutyRole role, @Param("at") LocalDateTime at, @Param("channel") SignChannel channel,
      @Param("by") long recordedBy);

  record StaffName(long id, String displayName, String realName) {
  }

  @Select("SELECT id, display_name, real_name FROM staff WHERE school_id = #{schoolId} ORDER BY id")
  List<StaffName> staffNames(long schoolId);

  @Update("UPDATE staff SET real_name = #{realName} WHERE id = #{staffId} AND school_id = #{schoolId}")
  int setRealName(@Param("schoolId") long schoolId, @Param("staffId") long staffId,
      @Param("realName") String realName);

  @Select("SELECT id FROM staff WHERE school_id = #{schoolId} AND role = 'SCHOOL_ADMIN' AND active ORDER BY id")
  List<Long> admins(long schoolId);

  @Select("SELECT DISTINCT school_id FROM term WHERE starts_on <= #{day} AND ends_on >= #{day}")
  List<Long> schoolsInTerm(LocalDate day);

  /** 1 for the first caller of the day: the claim that makes the staffing alert once per session and day (V44). */
  @Insert("INSERT IGNORE INTO session_alert (offering_id, session_date, kind, created_at) "
      + "VALUES (#{offeringId}, #{date}, #{kind}, #{now})")
  int claimAlert(@Param("offeringId") long offeringId, @Param("date") LocalDate date, @Param("kind") String kind,
      @Param("now") LocalDateTime now);
}
