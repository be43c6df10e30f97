package org.kehou.core.outbox;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;
import org.kehou.core.cache.Invalidates;
import org.kehou.core.cache.Region;

@Mapper
interface OutboxMapper {

  String COLUMNS = "id, school_id, guardian_id, student_id, openid, kind, dedup_key, body, template_fields, state, attempts, "
      + "next_attempt_at, channel, wechat_msg_id, last_error_code, last_error, created_at, sent_at, delivery_status, "
      + "delivery_reported_at, staff_id, link";

  @Select("SELECT openid FROM wechat_binding WHERE guardian_id = #{guardianId} AND active ORDER BY id")
  List<String> activeOpenids(long guardianId);

  /** A guardian's active binding, for queuing many messages at once (OutboxBatch). */
  record GuardianOpenid(long guardianId, String openid) {
  }

  @Select("<script>SELECT guardian_id, openid FROM wechat_binding WHERE active AND guardian_id IN "
      + "<foreach item='id' collection='ids' open='(' separator=',' close=')'>#{id}</foreach> ORDER BY id</script>")
  List<GuardianOpenid> activeOpenidsOf(@Param("ids") Collection<Long> guardianIds);

  @Select("<script>SELECT dedup_key FROM outbox_message WHERE dedup_key IN "
      + "<foreach item='k' collection='keys' open='(' separator=',' close=')'>#{k}</foreach></script>")
  List<String> queuedAmong(@Param("keys") Collection<String> dedupKeys);

  /** One row of a multi-row insert (OutboxBatch). */
  record NewRow(Recipient r, String openid, String kind, String dedupKey, String body, String fields,
      OutboxState state, String link) {
  }

  @Insert("<script>INSERT INTO outbox_message (school_id, guardian_id, student_id, openid, kind, dedup_key, body, "
      + "template_fields, state, next_attempt_at, created_at, link) VALUES "
      + "<foreach item='x' collection='rows' separator=','>"
      + "(#{x.r.schoolId}, #{x.r.guardianId}, #{x.r.studentId}, #{x.openid}, #{x.kind}, #{x.dedupKey}, #{x.body}, "
      + "#{x.fields}, #{x.state}, #{now}, #{now}, #{x.link})</foreach> ON DUPLICATE KEY UPDATE id = id</script>")
  int insertAll(@Param("rows") List<NewRow> rows, @Param("now") LocalDateTime now);

  @Select("SELECT COUNT(*) > 0 FROM outbox_message WHERE dedup_key = #{dedupKey}")
  boolean queued(String dedupKey);

  @Insert("INSERT INTO outbox_message (school_id, staff_id, openid, kind, dedup_key, body, template_fields, state, "
      + "next_attempt_at, created_at) VALUES (#{schoolId}, #{staffId}, #{openid}, #{kind}, #{dedupKey}, #{body}, "
      + "#{fields}, #{state}, #{now}, #{now}) ON DUPLICATE KEY UPDATE id = id")
  int insertToStaff(@Param("schoolId") long schoolId, @Param("staffId") long staffId, @Param("openid") String openid,
      @Param("kind") String kind, @Param("dedupKey") String dedupKey, @Param("body") String body,
      @Param("fields") String fields, @Param("state") OutboxState state, @Param("now") LocalDateTime now);

  @Update("UPDATE outbox_message SET state = 'CANCELLED' WHERE staff_id = #{staffId} AND state = 'PENDING'")
  int cancelPendingToStaff(long staffId);

  @Select("SELECT " + COLUMNS + " FROM outbox_message WHERE staff_id = #{staffId} ORDER BY id DESC LIMIT 500")
  List<OutboxMessage> forStaff(long staffId);

  /**
   * Claims due rows for one dispatcher. A single UPDATE takes row locks in index order, so two dispatchers never claim
   * the same row: the second one waits, re-reads the committed row, and finds it no longer PENDING.
   */
  @Update("UPDATE outbox_message SET state = 'SENDING', claim_token = #{token}, claimed_until = #{until} "
      + "WHERE state = 'PENDING' AND next_attempt_at <= #{now} ORDER BY next_attempt_at, id LIMIT #{limit}")
  int claim(@Param("token") String token, @Param("now") LocalDateTime now, @Param("until") LocalDateTime until,
      @Param("limit") int limit);

  @Select("SELECT " + COLUMNS + " FROM outbox_message WHERE claim_token = #{token} AND state = 'SENDING' ORDER BY id")
  List<OutboxMessage> claimed(String token);

  /**
   * A dispatcher that died mid-batch leaves SENDING rows behind; after their lease they are due again. Found by a plain
   * read first: an UPDATE scanning every SENDING row would lock them all against the sends being recorded meanwhile.
   */
  @Select("SELECT id FROM outbox_message WHERE state = 'SENDING' AND claimed_until < #{now}")
  List<Long> expiredClaims(LocalDateTime now);

  /** Releases one row found by {@link #expiredClaims} if its lease is still over (it may have been renewed since). */
  @Update("UPDATE outbox_message SET state = 'PENDING', claim_token = NULL, claimed_until = NULL "
      + "WHERE id = #{id} AND state = 'SENDING' AND claimed_until < #{now}")
  int releaseExpiredClaim(@Param("id") long id, @Param("now") LocalDateTime now);

  /**
   * Extends one row's claim just before it is sent. Zero when the claim is gone: a release of expired claims and this
   * update lock the same row, so either the release sees the new lease or this update no longer finds the token.
   */
  @Update("UPDATE outbox_message SET claimed_until = #{until} WHERE id = #{id} AND claim_token = #{token} "
      + "AND state = 'SENDING'")
  int renewClaim(@Param("id") long id, @Param("token") String token, @Param("until") LocalDateTime until);

  @Update("UPDATE outbox_message SET state = 'PENDING', claim_token = NULL, claimed_until = NULL "
      + "WHERE id = #{id} AND claim_token = #{token} AND state = 'SENDING'")
  int releaseClaim(@Param("id") long id, @Param("token") String token);

  /** Not now (quiet hours): due again at {@code next}, without counting as an attempt. */
  @Update("UPDATE outbox_message SET state = 'PENDING', next_attempt_at = #{next}, claim_token = NULL, "
      + "claimed_until = NULL WHERE id = #{id} AND claim_token = #{token} AND state = 'SENDING'")
  int defer(@Param("id") long id, @Param("token") String token, @Param("next") LocalDateTime next);

  @Update("UPDATE outbox_message SET state = 'SENT', attempts = attempts + 1, channel = #{channel}, "
      + "wechat_msg_id = #{msgId}, sent_at = #{now}, claim_token = NULL, claimed_until = NULL, last_error_code = NULL, "
      + "last_error = NULL WHERE id = #{id} AND claim_token = #{token}")
  int markSent(@Param("id") long id, @Param("token") String token, @Param("channel") String channel,
      @Param("msgId") String msgId, @Param("now") LocalDateTime now);

  /** One sent row of {@link #markSentAll}: its id and the message id WeChat answered with. */
  record SentRow(long id, String msgId) {
  }

  /**
   * {@link #markSent} for many rows of one claim sent on one channel, in one statement: a row whose claim was taken
   * over meanwhile is left as the newer claimant records it.
   */
  @Update("<script>UPDATE outbox_message SET state = 'SENT', attempts = attempts + 1, channel = #{channel}, "
      + "wechat_msg_id = CASE id <foreach item='x' collection='rows' separator=' '>WHEN #{x.id} THEN #{x.msgId}"
      + "</foreach> END, sent_at = #{now}, claim_token = NULL, claimed_until = NULL, last_error_code = NULL, "
      + "last_error = NULL WHERE claim_token = #{token} AND id IN "
      + "<foreach item='x' collection='rows' open='(' separator=',' close=')'>#{x.id}</foreach></script>")
  int markSentAll(@Param("token") String token, @Param("channel") String channel, @Param("rows") List<SentRow> rows,
      @Param("now") LocalDateTime now);

  @Update("UPDATE outbox_message SET state = 'PENDING', attempts = attempts + 1, next_attempt_at = #{next}, "
      + "last_error_code = #{code}, last_error = #{error}, claim_token = NULL, claimed_until = NULL "
      + "WHERE id = #{id} AND claim_token = #{token}")
  int markRetry(@Param("id") long id, @Param("token") String token, @Param("code") int code,
      @Param("error") String error, @Param("next") LocalDateTime next);

  @Update("UPDATE outbox_message SET state = 'FAILED', attempts = attempts + 1, last_error_code = #{code}, "
      + "last_error = #{error}, claim_token = NULL, claimed_until = NULL WHERE id = #{id} AND claim_token = #{token}")
  int markFailed(@Param("id") long id, @Param("token") String token, @Param("code") int code,
      @Param("error") String error);

  @Select("SELECT id FROM outbox_message WHERE student_id = #{studentId} AND kind = #{kind} "
      + "AND state IN ('PENDING', 'SENDING')")
  List<Long> pendingRows(@Param("studentId") long studentId, @Param("kind") String kind);

  /** A claimed row is cancelled too: the dispatcher checks the state again right before sending it. */
  @Update("<script>UPDATE outbox_message SET state = 'CANCELLED' WHERE state IN ('PENDING', 'SENDING') AND id IN "
      + "<foreach item='id' collection='ids' open='(' separator=',' close=')'>#{id}</foreach></script>")
  int cancelRows(@Param("ids") List<Long> ids);

  @Update("<script>UPDATE outbox_message SET state = 'CANCELLED' WHERE state = 'PENDING' AND openid IN "
      + "<foreach item='o' collection='openids' open='(' separator=',' close=')'>#{o}</foreach></script>")
  int cancelPendingTo(@Param("openids") Collection<String> openids);

  @Update("UPDATE outbox_message SET state = 'CANCELLED' WHERE guardian_id = #{guardianId} "
      + "AND student_id = #{studentId} AND state = 'PENDING'")
  int cancelPendingAbout(@Param("guardianId") long guardianId, @Param("studentId") long studentId);

  /** The rows of one logical message, by its dedup key (each row's key is that key, a colon and the openid). */
  @Select("SELECT id FROM outbox_message WHERE dedup_key LIKE CONCAT(#{dedupKey}, ':%') "
      + "AND state IN ('PENDING', 'SENDING')")
  List<Long> pendingMessageRows(@Param("dedupKey") String dedupKey);

  @Invalidates(Region.BINDINGS)
  @Update("UPDATE wechat_binding SET active = FALSE, deactivated_at = #{now} WHERE openid = #{openid} AND active")
  int deactivateBinding(@Param("openid") String openid, @Param("now") LocalDateTime now);

  /**
   * WeChat's report on a template message. Only a SENT template row takes it; one that did not arrive turns FAILED, so
   * "sent" means delivered. A repeated report changes nothing.
   */
  @Update("UPDATE outbox_message SET delivery_status = #{status}, delivery_reported_at = #{now}, "
      + "state = CASE WHEN #{status} = 'DELIVERED' THEN 'SENT' ELSE 'FAILED' END "
      + "WHERE wechat_msg_id = #{msgId} AND channel = 'TEMPLATE' AND state = 'SENT' AND delivery_status IS NULL")
  int templateReported(@Param("msgId") String msgId, @Param("status") DeliveryStatus status,
      @Param("now") LocalDateTime now);

  @Select("SELECT " + COLUMNS + " FROM outbox_message WHERE guardian_id = #{guardianId} ORDER BY id DESC LIMIT 500")
  List<OutboxMessage> forGuardian(long guardianId);

  @Select("SELECT " + COLUMNS + " FROM outbox_message WHERE student_id = #{studentId} ORDER BY id DESC LIMIT 500")
  List<OutboxMessage> forStudent(long studentId);
}
