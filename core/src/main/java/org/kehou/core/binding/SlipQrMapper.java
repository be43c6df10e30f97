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

/** The QR codes of binding slips: asked for by the admin API, created by the bot (see V53). */
@Mapper
interface SlipQrMapper {

  /** One line of the slips of a class: a pupil and one of their guardians, with the code and its QR code if any. */
  record SlipRow(long studentId, String studentName, String className, String relation, long guardianId,
      String guardianName, boolean bound, String code, LocalDateTime codeExpiresAt, String qrState, String qrUrl,
      LocalDateTime qrExpiresAt) {
  }

  /** Asks for a QR code for each live, unexpired code of these guardians that has no row yet. */
  @Insert("<script>INSERT INTO binding_slip_qr (binding_code_id, state, requested_at, next_attempt_at) "
      + "SELECT bc.id, 'PENDING', #{now}, #{now} FROM binding_code bc WHERE bc.live = 1 AND bc.expires_at > #{now} "
      + "AND bc.guardian_id IN "
      + "<foreach item='id' collection='ids' open='(' separator=',' close=')'>#{id}</foreach> "
      + "ON DUPLICATE KEY UPDATE state = binding_slip_qr.state</script>")
  int request(@Param("ids") Collection<Long> guardianIds, @Param("now") LocalDateTime now);

  /**
   * Asks again where a slip printed now would carry a QR code about to lapse (before {@code renewBefore} and well
   * before its code does), or where creating it failed before {@code retryFailedBefore}. The ticket already printed
   * stays valid at WeChat until its own end; only its url is forgotten here.
   */
  @Update("<script>UPDATE binding_slip_qr q JOIN binding_code bc ON bc.id = q.binding_code_id "
      + "SET q.state = 'PENDING', q.url = NULL, q.expires_at = NULL, q.attempts = 0, q.next_attempt_at = #{now}, "
      + "q.last_error_code = NULL, q.settled_at = NULL, q.claim_token = NULL, q.claimed_until = NULL "
      + "WHERE bc.live = 1 AND bc.guardian_id IN "
      + "<foreach item='id' collection='ids' open='(' separator=',' close=')'>#{id}</foreach> "
      + "AND ((q.state = 'READY' AND q.expires_at &lt; #{renewBefore} "
      + "AND q.expires_at &lt; bc.expires_at - INTERVAL 5 MINUTE) "
      + "OR (q.state = 'FAILED' AND q.settled_at &lt; #{retryFailedBefore}))</script>")
  int renew(@Param("ids") Collection<Long> guardianIds, @Param("now") LocalDateTime now,
      @Param("renewBefore") LocalDateTime renewBefore, @Param("retryFailedBefore") LocalDateTime retryFailedBefore);

  @Select("SELECT s.id AS student_id, s.name AS student_name, c.name AS class_name, sg.relation, g.id AS guardian_id, "
      + "g.name AS guardian_name, b.guardian_id IS NOT NULL AS bound, "
      + "CASE WHEN b.guardian_id IS NULL THEN bc.code END AS code, "
      + "CASE WHEN b.guardian_id IS NULL THEN bc.expires_at END AS code_expires_at, "
      + "CASE WHEN b.guardian_id IS NULL THEN q.state END AS qr_state, "
      + "CASE WHEN b.guardian_id IS NULL AND q.state = 'READY' AND q.expires_at > #{now} THEN q.url END AS qr_url, "
      + "CASE WHEN b.guardian_id IS NULL AND q.state = 'READY' AND q.expires_at > #{now} THEN q.expires_at END "
      + "AS qr_expires_at FROM student s "
      + "JOIN school_class c ON c.id = s.class_id "
      + "JOIN student_guardian sg ON sg.student_id = s.id JOIN guardian g ON g.id = sg.guardian_id "
      + "LEFT JOIN binding_code bc ON bc.guardian_id = g.id AND bc.live = 1 AND bc.expires_at > #{now} "
      + "LEFT JOIN binding_slip_qr q ON q.binding_code_id = bc.id "
      + "LEFT JOIN (SELECT DISTINCT guardian_id FROM wechat_binding WHERE ended_at IS NULL) b "
      + "ON b.guardian_id = g.id "
      + "WHERE s.class_id = #{classId} ORDER BY s.student_no, s.id, g.id")
  List<SlipRow> slips(@Param("classId") long classId, @Param("now") LocalDateTime now);

  // ---- the bot's side ----

  /**
   * Claims due rows for one bot instance. A single UPDATE takes row locks in index order, so two instances never claim
   * the same row: the second waits, re-reads the committed row and finds it claimed. A claim whose lease ran out (its
   * instance died) is claimable again.
   */
  @Update("UPDATE binding_slip_qr SET claim_token = #{token}, claimed_until = #{until} "
      + "WHERE state = 'PENDING' AND next_attempt_at <= #{now} AND (claimed_until IS NULL OR claimed_until < #{now}) "
      + "ORDER BY next_attempt_at, id LIMIT #{limit}")
  int claim(@Param("token") String token, @Param("now") LocalDateTime now, @Param("until") LocalDateTime until,
      @Param("limit") int limit);

  @Select("SELECT q.id, bc.code, bc.expires_at AS code_expires_at, q.attempts FROM binding_slip_qr q "
      + "JOIN binding_code bc ON bc.id = q.binding_code_id "
      + "WHERE q.claim_token = #{token} AND q.state = 'PENDING' AND bc.live = 1 ORDER BY q.id")
  List<SlipQrRequest> claimed(String token);

  /** Extends one row's claim right before its ticket is created; 0 when another instance holds it now. */
  @Update("UPDATE binding_slip_qr SET claimed_until = #{until} WHERE id = #{id} AND claim_token = #{token} "
      + "AND state = 'PENDING'")
  int renewClaim(@Param("id") long id, @Param("token") String token, @Param("until") LocalDateTime until);

  @Update("UPDATE binding_slip_qr SET state = 'READY', url = #{url}, expires_at = #{expiresAt}, "
      + "attempts = attempts + 1, last_error_code = NULL, settled_at = #{now}, claim_token = NULL, "
      + "claimed_until = NULL WHERE id = #{id} AND claim_token = #{token}")
  int ready(@Param("id") long id, @Param("token") String token, @Param("url") String url,
      @Param("expiresAt") LocalDateTime expiresAt, @Param("now") LocalDateTime now);

  @Update("UPDATE binding_slip_qr SET attempts = attempts + 1, next_attempt_at = #{next}, last_error_code = #{code}, "
      + "claim_token = NULL, claimed_until = NULL WHERE id = #{id} AND claim_token = #{token}")
  int retryLater(@Param("id") long id, @Param("token") String token, @Param("code") int errorCode,
      @Param("next") LocalDateTime next);

  @Update("UPDATE binding_slip_qr SET state = 'FAILED', attempts = attempts + 1, last_error_code = #{code}, "
      + "settled_at = #{now}, claim_token = NULL, claimed_until = NULL WHERE id = #{id} AND claim_token = #{token}")
  int failed(@Param("id") long id, @Param("token") String token, @Param("code") int errorCode,
      @Param("now") LocalDateTime now);

  /**
   * Rows whose code is used, revoked or expired, or whose ticket has lapsed. A plain read: a DELETE joining the codes
   * would lock code rows that a parent's redemption is waiting for.
   */
  @Select("SELECT q.id FROM binding_slip_qr q JOIN binding_code bc ON bc.id = q.binding_code_id "
      + "WHERE bc.live IS NULL OR bc.expires_at <= #{now} OR q.expires_at <= #{now}")
  List<Long> outlived(LocalDateTime now);

  @Delete("<script>DELETE FROM binding_slip_qr WHERE id IN "
      + "<foreach item='id' collection='ids' open='(' separator=',' close=')'>#{id}</foreach></script>")
  int delete(@Param("ids") Collection<Long> ids);

  @Delete("DELETE FROM binding_slip_qr WHERE binding_code_id = #{codeId}")
  int forgetCode(long codeId);
}
