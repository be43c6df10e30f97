package org.kehou.core.binding;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** Issuing and revoking binding codes; redeeming them belongs to the bot's side of the binding feature. */
@Mapper
public interface BindingCodeMapper {

  @Select("SELECT DISTINCT sg.guardian_id FROM student s JOIN student_guardian sg ON sg.student_id = s.id "
      + "WHERE s.class_id = #{classId} ORDER BY sg.guardian_id")
  List<Long> guardiansOfClass(long classId);

  @Select("SELECT COUNT(*) > 0 FROM guardian WHERE id = #{guardianId} AND school_id = #{schoolId}")
  boolean guardianInSchool(@Param("guardianId") long guardianId, @Param("schoolId") long schoolId);

  /** Serialises issuing for these guardians, so two sheets printed at once cannot both issue a code. */
  @Select("<script>SELECT id FROM guardian WHERE id IN "
      + "<foreach item='id' collection='ids' open='(' separator=',' close=')'>#{id}</foreach> FOR UPDATE</script>")
  List<Long> lockGuardians(@Param("ids") Collection<Long> guardianIds);

  @Select("<script>SELECT guardian_id FROM binding_code WHERE live = 1 AND expires_at > #{now} AND guardian_id IN "
      + "<foreach item='id' collection='ids' open='(' separator=',' close=')'>#{id}</foreach></script>")
  List<Long> guardiansWithUsableCode(@Param("ids") Collection<Long> guardianIds, @Param("now") LocalDateTime now);

  /**
   * Takes the live code of these guardians out of use: all of them, or only those already expired. The QR codes of
   * their slips go with them: a slip's QR url is as good as its code, and is kept no longer.
   */
  default int revoke(Collection<Long> guardianIds, LocalDateTime now, boolean onlyExpired) {
    int revoked = revokeCodes(guardianIds, now, onlyExpired);
    if (revoked > 0) {
      forgetSlipQrOfDeadCodes(guardianIds);
    }
    return revoked;
  }

  @Update("<script>UPDATE binding_code SET live = NULL, revoked_at = #{now} WHERE live = 1 "
      + "<if test='onlyExpired'>AND expires_at &lt;= #{now} </if>AND guardian_id IN "
      + "<foreach item='id' collection='ids' open='(' separator=',' close=')'>#{id}</foreach></script>")
  int revokeCodes(@Param("ids") Collection<Long> guardianIds, @Param("now") LocalDateTime now,
      @Param("onlyExpired") boolean onlyExpired);

  @Delete("<script>DELETE q FROM binding_slip_qr q JOIN binding_code bc ON bc.id = q.binding_code_id "
      + "WHERE bc.live IS NULL AND bc.guardian_id IN "
      + "<foreach item='id' collection='ids' open='(' separator=',' close=')'>#{id}</foreach></script>")
  int forgetSlipQrOfDeadCodes(@Param("ids") Collection<Long> guardianIds);

  /** Guardians with a binding not ended: an unfollowed one counts, since following again restores it. */
  @Select("<script>SELECT DISTINCT guardian_id FROM wechat_binding WHERE ended_at IS NULL AND guardian_id IN "
      + "<foreach item='id' collection='ids' open='(' separator=',' close=')'>#{id}</foreach></script>")
  List<Long> boundGuardians(@Param("ids") Collection<Long> guardianIds);

  @Select("SELECT code, expires_at FROM binding_code WHERE guardian_id = #{guardianId} AND live = 1")
  IssuedCode liveCode(long guardianId);

  @Insert("INSERT INTO binding_code (school_id, guardian_id, code, expires_at, created_at) "
      + "VALUES (#{schoolId}, #{guardianId}, #{code}, #{expiresAt}, #{now})")
  void insert(@Param("schoolId") long schoolId, @Param("guardianId") long guardianId, @Param("code") String code,
      @Param("expiresAt") LocalDateTime expiresAt, @Param("now") LocalDateTime now);

  @Select("SELECT c.name AS class_name, s.student_no, s.name AS student_name, g.id AS guardian_id, "
      + "g.name AS guardian_name, sg.relation, CASE WHEN b.guardian_id IS NULL THEN bc.code END AS code, "
      + "b.guardian_id IS NOT NULL AS bound FROM student s "
      + "JOIN school_class c ON c.id = s.class_id "
      + "JOIN student_guardian sg ON sg.student_id = s.id JOIN guardian g ON g.id = sg.guardian_id "
      + "LEFT JOIN binding_code bc ON bc.guardian_id = g.id AND bc.live = 1 "
      + "LEFT JOIN (SELECT DISTINCT guardian_id FROM wechat_binding WHERE ended_at IS NULL) b "
      + "ON b.guardian_id = g.id "
      + "WHERE s.class_id = #{classId} ORDER BY s.student_no, s.id, g.id")
  List<BindingCodeSheetRow> sheet(long classId);
}
