package org.kehou.core.agreement;

import java.time.LocalDate;
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
public interface AgreementMapper {

  @Select("SELECT sc.name AS school, s.name AS child, c.name AS class_name FROM application a "
      + "JOIN student s ON s.id = a.student_id JOIN school_class c ON c.id = s.class_id "
      + "JOIN school sc ON sc.id = a.school_id WHERE a.id = #{id}")
  AgreementParties parties(long applicationId);

  @Select("SELECT g.name FROM student_guardian sg JOIN guardian g ON g.id = sg.guardian_id "
      + "WHERE sg.student_id = #{studentId} ORDER BY g.id")
  List<String> guardianNames(long studentId);

  /** Only seated choices: a waitlisted offering joins the agreement when its seat is accepted. */
  @Select("SELECT o.name, o.weekdays, o.starts_at, o.ends_at FROM application_choice ac "
      + "JOIN offering o ON o.id = ac.offering_id WHERE ac.application_id = #{id} AND ac.status = 'SEATED' "
      + "ORDER BY o.starts_at, o.id")
  List<SeatedOffering> seatedOfferings(long applicationId);

  @Insert("INSERT INTO agreement_document (application_id, template_version, sha256, body, created_at) "
      + "VALUES (#{id}, #{version}, #{sha256}, #{body}, #{at}) ON DUPLICATE KEY UPDATE id = id")
  void archive(@Param("id") long applicationId, @Param("version") String version, @Param("sha256") String sha256,
      @Param("body") String body, @Param("at") LocalDateTime at);

  @Select("SELECT id, application_id, template_version, sha256, body, created_at FROM agreement_document "
      + "WHERE application_id = #{id} ORDER BY id DESC LIMIT 1")
  Optional<AgreementDocument> latest(long applicationId);

  @Select("SELECT id, application_id, template_version, sha256, body, created_at FROM agreement_document "
      + "WHERE application_id = #{id} AND sha256 = #{sha256}")
  AgreementDocument document(@Param("id") long applicationId, @Param("sha256") String sha256);

  @Invalidates(Region.ENROLMENT)
  @Update("UPDATE application SET agreement_sent_at = #{at}, agreement_deadline_at = #{deadline} WHERE id = #{id}")
  void agreementSent(@Param("id") long applicationId, @Param("at") LocalDateTime at,
      @Param("deadline") LocalDateTime deadline);

  @Select("SELECT sign_within_days FROM term WHERE id = #{termId}")
  int signWithinDays(long termId);

  /** The child's live application, whatever its state: what 协议 and the signature are about. */
  @Select("SELECT id FROM application WHERE student_id = #{studentId} AND live = 1 ORDER BY id DESC LIMIT 1")
  Optional<Long> liveApplication(long studentId);

  @Select("SELECT name FROM guardian WHERE id = #{id}")
  String guardianName(long guardianId);

  @Insert("INSERT INTO agreement_signature (agreement_document_id, application_id, guardian_id, openid, "
      + "template_version, sha256, signed_at) VALUES (#{d.id}, #{d.applicationId}, #{guardianId}, #{openid}, "
      + "#{d.templateVersion}, #{d.sha256}, #{at})")
  void sign(@Param("d") AgreementDocument document, @Param("guardianId") long guardianId,
      @Param("openid") String openid, @Param("at") LocalDateTime at);

  @Invalidates(Region.ENROLMENT)
  @Update("UPDATE application SET active_from = #{from} WHERE id = #{id}")
  void activeFrom(@Param("id") long applicationId, @Param("from") LocalDate from);

  @Select("SELECT s.id, s.guardian_id, g.name AS guardian_name, s.openid, s.template_version, s.sha256, s.signed_at, "
      + "d.body FROM agreement_signature s JOIN agreement_document d ON d.id = s.agreement_document_id "
      + "JOIN guardian g ON g.id = s.guardian_id WHERE s.application_id = #{id} ORDER BY s.id")
  List<SignatureRow> signatures(long applicationId);

  @Select("SELECT id FROM application WHERE state = 'AGREEMENT_PENDING' AND agreement_sent_at <= #{now} - INTERVAL 1 DAY "
      + "AND agreement_deadline_at > #{now} ORDER BY id")
  List<Long> waitingOverADay(LocalDateTime now);

  @Select("SELECT id FROM application WHERE state = 'AGREEMENT_PENDING' "
      + "AND agreement_deadline_at <= #{now} + INTERVAL 1 DAY AND agreement_deadline_at > #{now} ORDER BY id")
  List<Long> lastDayBeforeDeadline(LocalDateTime now);

  @Select("SELECT agreement_deadline_at FROM application WHERE id = #{id}")
  LocalDateTime deadline(long applicationId);

  @Select("SELECT id FROM application WHERE state = 'AGREEMENT_PENDING' AND agreement_deadline_at <= #{now} ORDER BY id")
  List<Long> pastDeadline(LocalDateTime now);
}
