package org.kehou.core.staff;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
interface StaffWechatMapper {

  record LiveCode(long id, long staffId, String displayName) {
  }

  @Select("SELECT id FROM staff WHERE id = #{staffId} FOR UPDATE")
  Optional<Long> lockStaff(long staffId);

  @Update("UPDATE staff_binding_code SET live = NULL, revoked_at = #{now} WHERE staff_id = #{staffId} AND live = 1")
  int revokeCodes(@Param("staffId") long staffId, @Param("now") LocalDateTime now);

  @Insert("INSERT INTO staff_binding_code (staff_id, code_sha256, issued_by, expires_at, created_at) "
      + "VALUES (#{staffId}, #{hash}, #{issuedBy}, #{expiresAt}, #{now})")
  void insertCode(@Param("staffId") long staffId, @Param("hash") String hash, @Param("issuedBy") long issuedBy,
      @Param("expiresAt") LocalDateTime expiresAt, @Param("now") LocalDateTime now);

  /** Only an active account's code: a deactivated teacher cannot bind with a code issued before. */
  @Select("SELECT c.id, c.staff_id, s.display_name FROM staff_binding_code c JOIN staff s ON s.id = c.staff_id "
      + "WHERE c.code_sha256 = #{hash} AND c.live = 1 AND c.used_at IS NULL AND c.expires_at > #{now} AND s.active "
      + "FOR UPDATE")
  Optional<LiveCode> lockLiveCode(@Param("hash") String hash, @Param("now") LocalDateTime now);

  @Update("UPDATE staff_binding_code SET used_at = #{now}, live = NULL WHERE id = #{id}")
  void markUsed(@Param("id") long id, @Param("now") LocalDateTime now);

  /** Ends the live binding of the staff member and the one of the openid, so each has at most one. */
  @Update("UPDATE staff_wechat_binding SET live = NULL, ended_at = #{now}, ended_by = #{by} "
      + "WHERE live = 1 AND (staff_id = #{staffId} OR openid = #{openid})")
  int endLiveOf(@Param("staffId") long staffId, @Param("openid") String openid, @Param("now") LocalDateTime now,
      @Param("by") String by);

  @Insert("INSERT INTO staff_wechat_binding (staff_id, openid, bound_at) VALUES (#{staffId}, #{openid}, #{now})")
  void insertBinding(@Param("staffId") long staffId, @Param("openid") String openid, @Param("now") LocalDateTime now);

  @Select("SELECT id, openid, bound_at, ended_at, ended_by FROM staff_wechat_binding WHERE staff_id = #{staffId} "
      + "ORDER BY id")
  List<StaffWechatAccount> accounts(long staffId);

  @Select("SELECT openid FROM staff_wechat_binding WHERE staff_id = #{staffId} AND live = 1")
  Optional<String> liveOpenid(long staffId);

  @Update("<script>UPDATE staff_wechat_binding SET live = NULL, ended_at = #{now}, ended_by = #{by} "
      + "WHERE staff_id = #{staffId} AND live = 1<if test='id != null'> AND id = #{id}</if></script>")
  int end(@Param("staffId") long staffId, @Param("id") Long bindingId, @Param("now") LocalDateTime now,
      @Param("by") String by);

  /** The active staff account a WeChat user is bound to now, if any. */
  @Select("SELECT s.id, s.school_id, s.username, s.display_name, s.role, s.active FROM staff_wechat_binding b "
      + "JOIN staff s ON s.id = b.staff_id WHERE b.openid = #{openid} AND b.live = 1 AND s.active")
  Optional<Staff> staffBehind(String openid);

  @Select("SELECT school_id FROM staff WHERE id = #{staffId}")
  long schoolOf(long staffId);
}
