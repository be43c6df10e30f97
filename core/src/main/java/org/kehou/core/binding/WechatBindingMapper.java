package org.kehou.core.binding;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;
import org.kehou.core.cache.Invalidates;
import org.kehou.core.cache.Region;

@Mapper
interface WechatBindingMapper {

  record LiveCode(long id, long guardianId) {
  }

  record AccountRow(long id, String openid, LocalDateTime boundAt, boolean active, LocalDateTime endedAt,
      String endedBy) {
  }

  /** One row per child of the bound guardian: a single query gives the whole context of a message. */
  record Row(long guardianId, String guardianName, long schoolId, Long currentStudentId, long studentId,
      String studentName, String className, int gradeLevel) {
  }

  @Select("SELECT id, guardian_id FROM binding_code WHERE code = #{code} AND live = 1 AND used_at IS NULL "
      + "AND revoked_at IS NULL AND expires_at > #{now} FOR UPDATE")
  Optional<LiveCode> lockLiveCode(@Param("code") String code, @Param("now") LocalDateTime now);

  @Update("UPDATE binding_code SET used_at = #{now}, live = NULL WHERE id = #{id}")
  void markUsed(@Param("id") long id, @Param("now") LocalDateTime now);

  @Select("SELECT s.id FROM student_guardian sg JOIN student s ON s.id = sg.student_id "
      + "WHERE sg.guardian_id = #{guardianId} ORDER BY s.id LIMIT 1")
  Optional<Long> firstChild(long guardianId);

  @Invalidates(Region.BINDINGS)
  @Insert("INSERT INTO wechat_binding (openid, guardian_id, current_student_id, active, bound_at, deactivated_at) "
      + "VALUES (#{openid}, #{guardianId}, #{studentId}, TRUE, #{now}, NULL) ON DUPLICATE KEY UPDATE "
      + "guardian_id = #{guardianId}, current_student_id = #{studentId}, active = TRUE, bound_at = #{now}, "
      + "deactivated_at = NULL, ended_at = NULL, ended_by = NULL")
  void upsert(@Param("openid") String openid, @Param("guardianId") long guardianId,
      @Param("studentId") Long studentId, @Param("now") LocalDateTime now);

  @Select("SELECT wb.guardian_id, g.name AS guardian_name, g.school_id, wb.current_student_id, s.id AS student_id, "
      + "s.name AS student_name, c.name AS class_name, gr.level AS grade_level "
      + "FROM wechat_binding wb JOIN guardian g ON g.id = wb.guardian_id "
      + "JOIN student_guardian sg ON sg.guardian_id = g.id JOIN student s ON s.id = sg.student_id "
      + "JOIN school_class c ON c.id = s.class_id JOIN grade gr ON gr.id = c.grade_id "
      + "WHERE wb.openid = #{openid} AND wb.active ORDER BY s.id")
  List<Row> activeRows(String openid);

  @Invalidates(Region.BINDINGS)
  @Update("UPDATE wechat_binding SET current_student_id = #{studentId} WHERE openid = #{openid}")
  void selectChild(@Param("openid") String openid, @Param("studentId") long studentId);

  @Invalidates(Region.BINDINGS)
  @Update("UPDATE wechat_binding SET active = FALSE, deactivated_at = #{now} WHERE openid = #{openid} AND active")
  int deactivate(@Param("openid") String openid, @Param("now") LocalDateTime now);

  @Invalidates(Region.BINDINGS)
  @Update("UPDATE wechat_binding SET active = TRUE, deactivated_at = NULL WHERE openid = #{openid} AND NOT active "
      + "AND ended_at IS NULL")
  int reactivate(String openid);

  /** The guardian's other accounts that hear about a new one: active ones, not the one now binding. */
  @Select("SELECT openid FROM wechat_binding WHERE guardian_id = #{guardianId} AND active AND openid <> #{openid}")
  List<String> otherActiveOpenids(@Param("guardianId") long guardianId, @Param("openid") String openid);

  @Select("SELECT COUNT(*) > 0 FROM wechat_binding WHERE openid = #{openid} AND guardian_id = #{guardianId} AND active")
  boolean activelyBound(@Param("openid") String openid, @Param("guardianId") long guardianId);

  @Select("SELECT school_id FROM guardian WHERE id = #{guardianId}")
  long schoolOf(long guardianId);

  @Select("SELECT name FROM guardian WHERE id = #{guardianId}")
  String guardianName(long guardianId);

  @Select("SELECT id, openid, bound_at, active, ended_at, ended_by FROM wechat_binding "
      + "WHERE guardian_id = #{guardianId} ORDER BY id")
  List<AccountRow> ofGuardian(long guardianId);

  /** Ends one binding for good (unlike unfollowing, which only pauses it); 0 when it had ended already. */
  @Invalidates(Region.BINDINGS)
  @Update("UPDATE wechat_binding SET active = FALSE, deactivated_at = COALESCE(deactivated_at, #{now}), "
      + "ended_at = #{now}, ended_by = #{by} WHERE id = #{id} AND guardian_id = #{guardianId} AND ended_at IS NULL")
  int end(@Param("id") long id, @Param("guardianId") long guardianId, @Param("now") LocalDateTime now,
      @Param("by") String endedBy);

  @Invalidates(Region.BINDINGS)
  @Update("<script>UPDATE wechat_binding SET active = FALSE, deactivated_at = COALESCE(deactivated_at, #{now}), "
      + "ended_at = #{now}, ended_by = #{by} WHERE ended_at IS NULL AND guardian_id IN "
      + "<foreach item='id' collection='ids' open='(' separator=',' close=')'>#{id}</foreach></script>")
  int endAll(@Param("ids") Collection<Long> guardianIds, @Param("now") LocalDateTime now, @Param("by") String endedBy);

  @Select("SELECT openid FROM wechat_binding WHERE id = #{id}")
  String openidOf(long id);

  @Select("<script>SELECT openid FROM wechat_binding WHERE ended_at IS NULL AND guardian_id IN "
      + "<foreach item='id' collection='ids' open='(' separator=',' close=')'>#{id}</foreach></script>")
  List<String> openidsNotEnded(@Param("ids") Collection<Long> guardianIds);

  /** The child is no longer the guardian's: the next message is about their first remaining child. */
  @Invalidates(Region.BINDINGS)
  @Update("UPDATE wechat_binding SET current_student_id = NULL WHERE guardian_id = #{guardianId} "
      + "AND current_student_id = #{studentId}")
  int forgetChild(@Param("guardianId") long guardianId, @Param("studentId") long studentId);

  @Select("SELECT id FROM wechat_binding WHERE openid = #{openid} AND active")
  Optional<Long> activeBindingId(String openid);
}
