package org.kehou.core.binding;

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

@Mapper
interface WechatBindingMapper {

  record LiveCode(long id, long guardianId) {
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
      + "deactivated_at = NULL")
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
  @Update("UPDATE wechat_binding SET active = TRUE, deactivated_at = NULL WHERE openid = #{openid} AND NOT active")
  int reactivate(String openid);
}
