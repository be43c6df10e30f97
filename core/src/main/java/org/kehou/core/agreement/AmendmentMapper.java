package org.kehou.core.agreement;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;
import org.kehou.core.cache.Invalidates;
import org.kehou.core.cache.Region;

/** Seats added to an active enrolment and the signature they wait for (V41). */
@Mapper
interface AmendmentMapper {

  String PENDING = "SELECT ac.id AS choice_id, ac.application_id, ac.offering_id, o.name AS offering, ac.sign_asked_at, "
      + "ac.sign_by FROM application_choice ac JOIN offering o ON o.id = ac.offering_id ";

  /** Held and not yet signed, with a deadline of its own: only seats added after the first agreement have one. */
  String WAITING = "ac.status = 'SEATED' AND ac.signed_at IS NULL AND ac.sign_by IS NOT NULL ";

  @Invalidates(Region.ENROLMENT)
  @Update("UPDATE application_choice SET sign_asked_at = #{now}, sign_by = #{by} WHERE id = #{id}")
  void askToSign(@Param("id") long choiceId, @Param("now") LocalDateTime now, @Param("by") LocalDateTime signBy);

  @Select(PENDING + "WHERE ac.application_id = #{id} AND " + WAITING + "ORDER BY ac.sign_by, ac.id")
  List<PendingSeat> pending(long applicationId);

  @Select(PENDING + "WHERE ac.id = #{id} AND " + WAITING)
  Optional<PendingSeat> stillPending(long choiceId);

  /** A signature covers every seat held and not yet signed: the text signed lists exactly those and the signed ones. */
  @Invalidates(Region.ENROLMENT)
  @Update("UPDATE application_choice SET signed_at = #{now} WHERE application_id = #{id} AND status = 'SEATED' "
      + "AND signed_at IS NULL")
  int signSeats(@Param("id") long applicationId, @Param("now") LocalDateTime now);

  @Select("SELECT d.id, d.application_id, d.template_version, d.sha256, d.body, d.created_at FROM application a "
      + "JOIN agreement_document d ON d.id = a.amendment_document_id WHERE a.id = #{id}")
  Optional<AgreementDocument> document(long applicationId);

  @Invalidates(Region.ENROLMENT)
  @Update("UPDATE application SET amendment_document_id = #{documentId} WHERE id = #{id}")
  void setDocument(@Param("id") long applicationId, @Param("documentId") Long documentId);

  /** Only while still unsigned: a signature and the lapse job racing for one seat settle it once. */
  @Invalidates(Region.ENROLMENT)
  @Update("UPDATE application_choice SET status = 'RELEASED', updated_at = #{now} WHERE id = #{id} "
      + "AND status = 'SEATED' AND signed_at IS NULL")
  int release(@Param("id") long choiceId, @Param("now") LocalDateTime now);

  String OF_ACTIVE = "FROM application_choice ac JOIN application a ON a.id = ac.application_id "
      + "WHERE a.state = 'ACTIVE' AND " + WAITING;

  @Select("SELECT ac.id " + OF_ACTIVE + "AND ac.sign_asked_at <= #{now} - INTERVAL 1 DAY AND ac.sign_by > #{now} "
      + "ORDER BY ac.id")
  List<Long> waitingOverADay(LocalDateTime now);

  @Select("SELECT ac.id " + OF_ACTIVE + "AND ac.sign_by <= #{now} + INTERVAL 1 DAY AND ac.sign_by > #{now} "
      + "ORDER BY ac.id")
  List<Long> lastDayBeforeDeadline(LocalDateTime now);

  @Select("SELECT ac.id " + OF_ACTIVE + "AND ac.sign_by <= #{now} ORDER BY ac.id")
  List<Long> pastDeadline(LocalDateTime now);
}
