package org.kehou.core.notice;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.kehou.core.GeneratedId;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
interface NoticeMapper {

  /** A grade, class or offering named as an audience, with whoever owns it (class teacher, offering's teacher). */
  record Target(long id, long schoolId, String name, Long ownerId) {
  }

  record SeqRow(long guardianId, int seq) {
  }

  record NewGuardian(long guardianId, int seq) {
  }

  record DeliveryRow(long guardianId, String state, Integer lastErrorCode, String deliveryStatus) {
  }

  /** A notice with its counts: families (guardian accounts) and children, and how many of each confirmed. */
  record Counts(long noticeId, int families, int confirmedFamilies, int children, int confirmedChildren) {
  }

  @Select("SELECT id, school_id, name, NULL AS owner_id FROM grade WHERE id = #{id}")
  Optional<Target> grade(long id);

  @Select("SELECT id, school_id, name, class_teacher_id AS owner_id FROM school_class WHERE id = #{id}")
  Optional<Target> schoolClass(long id);

  @Select("SELECT id, school_id, name, teacher_id AS owner_id FROM offering WHERE id = #{id}")
  Optional<Target> offering(long id);

  /**
   * The children of an audience with each of their guardians. After-school pupils (CLASS_SERVICE, OFFERING) are those
   * with a signed enrolment in the current term not yet over ({@code ends_on} is the first day without service).
   */
  @Select("<script>SELECT s.id AS student_id, s.name AS student_name, c.id AS class_id, c.name AS class_name, "
      + "sg.guardian_id FROM student s JOIN school_class c ON c.id = s.class_id "
      + "JOIN student_guardian sg ON sg.student_id = s.id WHERE s.school_id = #{schoolId} "
      + "<if test='kind.name() == \"GRADE\"'>AND c.grade_id = #{id} </if>"
      + "<if test='kind.name() == \"CLASS\" or kind.name() == \"CLASS_SERVICE\"'>AND c.id = #{id} </if>"
      + "<if test='kind.name() == \"CLASS_SERVICE\"'>AND EXISTS (SELECT 1 FROM application a WHERE "
      + "a.student_id = s.id AND a.term_id = #{termId} AND a.state = 'ACTIVE' "
      + "AND (a.ends_on IS NULL OR a.ends_on &gt; #{today})) </if>"
      + "<if test='kind.name() == \"OFFERING\"'>AND EXISTS (SELECT 1 FROM application a "
      + "JOIN application_choice ac ON ac.application_id = a.id AND ac.offering_id = #{id} AND ac.status = 'SEATED' "
      + "WHERE a.student_id = s.id AND a.state = 'ACTIVE' AND (a.ends_on IS NULL OR a.ends_on &gt; #{today})) </if>"
      + "ORDER BY c.name, s.student_no, sg.guardian_id</script>")
  List<Member> members(@Param("schoolId") long schoolId, @Param("kind") AudienceKind kind, @Param("id") Long id,
      @Param("termId") long termId, @Param("today") LocalDate today);

  @Insert("INSERT INTO parent_notice (school_id, sender_id, audience_kind, audience_id, audience_name, title, body, "
      + "confirm_required, confirm_by, urgent, created_at) VALUES (#{schoolId}, #{senderId}, #{d.audience}, "
      + "#{d.audienceId}, #{audienceName}, #{d.title}, #{d.body}, #{d.confirmRequired}, #{d.confirmBy}, #{d.urgent}, "
      + "#{now})")
  @Options(useGeneratedKeys = true, keyProperty = "key.id")
  void insertNotice(@Param("schoolId") long schoolId, @Param("senderId") long senderId,
      @Param("d") NoticeDraft draft, @Param("audienceName") String audienceName, @Param("now") LocalDateTime now,
      @Param("key") GeneratedId key);

  @Select("<script>SELECT guardian_id, MAX(seq) AS seq FROM parent_notice_guardian WHERE guardian_id IN "
      + "<foreach item='g' collection='guardians' open='(' separator=',' close=')'>#{g}</foreach> "
      + "GROUP BY guardian_id</script>")
  List<SeqRow> lastSeqs(@Param("guardians") Collection<Long> guardianIds);

  /** Fails on uq_ng_seq when another notice numbered one of these guardians' notices meanwhile: the caller retries. */
  @Insert("<script>INSERT INTO parent_notice_guardian (notice_id, guardian_id, seq) VALUES "
      + "<foreach item='g' collection='rows' separator=','>(#{noticeId}, #{g.guardianId}, #{g.seq})</foreach></script>")
  int insertGuardians(@Param("noticeId") long noticeId, @Param("rows") List<NewGuardian> rows);

  @Insert("<script>INSERT INTO parent_notice_child (notice_id, student_id, guardian_id) VALUES "
      + "<foreach item='m' collection='rows' separator=','>(#{noticeId}, #{m.studentId}, #{m.guardianId})</foreach>"
      + "</script>")
  int insertChildren(@Param("noticeId") long noticeId, @Param("rows") List<Member> rows);

  String NOTICE = "SELECT n.id, n.school_id, n.sender_id, st.display_name AS sender_name, n.audience_kind, "
      + "n.audience_id, n.audience_name, n.title, n.body, n.confirm_required, n.confirm_by, n.urgent, n.created_at, "
      + "n.reminded_at, n.escalated_at FROM parent_notice n JOIN staff st ON st.id = n.sender_id ";

  @Select(NOTICE + "WHERE n.id = #{id}")
  Optional<NoticeRow> notice(long id);

  /** The school's notices, newest first; {@code senderId} null: everyone's. */
  @Select("<script>" + NOTICE + "WHERE n.school_id = #{schoolId} <if test='senderId != null'>AND n.sender_id = "
      + "#{senderId} </if>ORDER BY n.id DESC LIMIT #{limit}</script>")
  List<NoticeRow> notices(@Param("schoolId") long schoolId, @Param("senderId") Long senderId,
      @Param("limit") int limit);

  @Select("<script>SELECT n.id AS notice_id, "
      + "(SELECT COUNT(*) FROM parent_notice_guardian g WHERE g.notice_id = n.id) AS families, "
      + "(SELECT COUNT(*) FROM parent_notice_guardian g WHERE g.notice_id = n.id AND g.confirmed_at IS NOT NULL) "
      + "AS confirmed_families, "
      + "(SELECT COUNT(DISTINCT c.student_id) FROM parent_notice_child c WHERE c.notice_id = n.id) AS children, "
      + "(SELECT COUNT(DISTINCT c.student_id) FROM parent_notice_child c JOIN parent_notice_guardian g "
      + "ON g.notice_id = c.notice_id AND g.guardian_id = c.guardian_id AND g.confirmed_at IS NOT NULL "
      + "WHERE c.notice_id = n.id) AS confirmed_children FROM parent_notice n WHERE n.id IN "
      + "<foreach item='i' collection='ids' open='(' separator=',' close=')'>#{i}</foreach></script>")
  List<Counts> counts(@Param("ids") Collection<Long> noticeIds);

  @Select("SELECT c.student_id, s.name AS student_name, sc.id AS class_id, sc.name AS class_name, "
      + "sc.class_teacher_id, c.guardian_id, g.name AS guardian_name, sg.relation, g.phone, ng.confirmed_at, "
      + "ng.confirmed_via FROM parent_notice_child c JOIN student s ON s.id = c.student_id "
      + "JOIN school_class sc ON sc.id = s.class_id JOIN guardian g ON g.id = c.guardian_id "
      + "JOIN parent_notice_guardian ng ON ng.notice_id = c.notice_id AND ng.guardian_id = c.guardian_id "
      + "LEFT JOIN student_guardian sg ON sg.student_id = c.student_id AND sg.guardian_id = c.guardian_id "
      + "WHERE c.notice_id = #{noticeId} ORDER BY sc.name, s.student_no, c.guardian_id")
  List<ChildRow> children(long noticeId);

  /** The first message of the notice to each of a guardian's accounts (not the reminders). */
  @Select("SELECT guardian_id, state, last_error_code, delivery_status FROM outbox_message "
      + "WHERE dedup_key LIKE CONCAT('notice:', #{noticeId}, ':%')")
  List<DeliveryRow> deliveries(long noticeId);

  record GuardianNotice(long noticeId, long guardianId, int seq, String title, String body, String senderName, LocalDateTime createdAt,
      boolean confirmRequired, LocalDateTime confirmBy, boolean urgent, LocalDateTime confirmedAt) {
  }

  String GUARDIAN_NOTICE = "SELECT n.id AS notice_id, ng.guardian_id, ng.seq, n.title, n.body, st.display_name AS sender_name, "
      + "n.created_at, n.confirm_required, n.confirm_by, n.urgent, ng.confirmed_at FROM parent_notice_guardian ng "
      + "JOIN parent_notice n ON n.id = ng.notice_id JOIN staff st ON st.id = n.sender_id ";

  @Select(GUARDIAN_NOTICE + "WHERE ng.notice_id = #{noticeId} AND ng.guardian_id = #{guardianId}")
  Optional<GuardianNotice> forGuardian(@Param("noticeId") long noticeId, @Param("guardianId") long guardianId);

  @Select(GUARDIAN_NOTICE + "WHERE ng.guardian_id = #{guardianId} AND ng.seq = #{seq}")
  Optional<GuardianNotice> bySeq(@Param("guardianId") long guardianId, @Param("seq") int seq);

  @Select(GUARDIAN_NOTICE + "WHERE ng.guardian_id = #{guardianId} AND ng.confirmed_at IS NULL "
      + "ORDER BY ng.seq DESC LIMIT 1")
  Optional<GuardianNotice> newestUnconfirmed(long guardianId);

  @Select(GUARDIAN_NOTICE + "WHERE ng.guardian_id = #{guardianId} ORDER BY ng.seq DESC LIMIT #{limit}")
  List<GuardianNotice> recent(@Param("guardianId") long guardianId, @Param("limit") int limit);

  @Select("SELECT s.name FROM parent_notice_child c JOIN student s ON s.id = c.student_id "
      + "WHERE c.notice_id = #{noticeId} AND c.guardian_id = #{guardianId} ORDER BY s.student_no")
  List<String> childNames(@Param("noticeId") long noticeId, @Param("guardianId") long guardianId);

  @Update("UPDATE parent_notice_guardian SET confirmed_at = #{now}, confirmed_via = #{via} "
      + "WHERE notice_id = #{noticeId} AND guardian_id = #{guardianId} AND confirmed_at IS NULL")
  int confirm(@Param("noticeId") long noticeId, @Param("guardianId") long guardianId, @Param("via") String via,
      @Param("now") LocalDateTime now);

  /** Notices whose reminder is due: a deadline ahead within {@code until}, sent long enough before it. */
  @Select("SELECT id FROM parent_notice WHERE confirm_required AND reminded_at IS NULL AND confirm_by > #{now} "
      + "AND confirm_by <= #{until} AND TIMESTAMPDIFF(SECOND, created_at, confirm_by) > #{leadSeconds} "
      + "ORDER BY id")
  List<Long> remindersDue(@Param("now") LocalDateTime now, @Param("until") LocalDateTime until,
      @Param("leadSeconds") long leadSeconds);

  @Select("SELECT guardian_id, seq FROM parent_notice_guardian WHERE notice_id = #{noticeId}")
  List<SeqRow> seqs(long noticeId);

  @Update("UPDATE parent_notice SET reminded_at = #{now} WHERE id = #{id} AND reminded_at IS NULL")
  int claimReminder(@Param("id") long id, @Param("now") LocalDateTime now);

  /** Urgent notices sent before {@code sentBefore} (and after {@code notBefore}) whose sender was not yet told. */
  @Select("SELECT id FROM parent_notice WHERE urgent AND escalated_at IS NULL AND created_at <= #{sentBefore} "
      + "AND created_at > #{notBefore} ORDER BY id")
  List<Long> escalationsDue(@Param("sentBefore") LocalDateTime sentBefore,
      @Param("notBefore") LocalDateTime notBefore);

  @Update("UPDATE parent_notice SET escalated_at = #{now} WHERE id = #{id} AND escalated_at IS NULL")
  int claimEscalation(@Param("id") long id, @Param("now") LocalDateTime now);

  @Select("<script>SELECT COUNT(DISTINCT guardian_id) FROM wechat_binding WHERE active AND guardian_id IN "
      + "<foreach item='g' collection='guardians' open='(' separator=',' close=')'>#{g}</foreach></script>")
  int boundAmong(@Param("guardians") Collection<Long> guardianIds);

  @Insert("INSERT IGNORE INTO link_secret (name, secret) VALUES (#{name}, #{secret})")
  void insertLinkSecretIfAbsent(@Param("name") String name, @Param("secret") byte[] secret);

  /** A row, not a bare {@code byte[]}: MyBatis reads an array return type as one element per row. */
  record LinkSecret(byte[] secret) {
  }

  @Select("SELECT secret FROM link_secret WHERE name = #{name}")
  LinkSecret linkSecret(String name);
}
