package org.kehou.core.archive;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** What the archive reads of a term, table by table; never a phone number. */
@Mapper
interface ArchiveRecordsMapper {

  record ApplicationLine(long id, String className, String studentName, String state, LocalDateTime submittedAt,
      String choices, LocalDateTime publicityStartsAt, LocalDateTime publicityEndsAt) {
  }

  /** {@code choices}: offering name and choice status pairs, {@code 围棋=SEATED} joined by {@code ;}. */
  @Select("SELECT a.id, c.name AS class_name, s.name AS student_name, a.state, a.submitted_at, "
      + "(SELECT GROUP_CONCAT(CONCAT(o.name, '=', ac.status) ORDER BY ac.id SEPARATOR ';') FROM application_choice ac "
      + "JOIN offering o ON o.id = ac.offering_id WHERE ac.application_id = a.id) AS choices, a.publicity_starts_at, "
      + "a.publicity_ends_at FROM application a JOIN student s ON s.id = a.student_id "
      + "JOIN school_class c ON c.id = s.class_id WHERE a.term_id = #{termId} ORDER BY c.name, s.student_no, a.id")
  List<ApplicationLine> applications(long termId);

  record HistoryLine(long applicationId, String studentName, String fromState, String toState, String actorKind,
      String actorName, String reason, LocalDateTime at) {
  }

  @Select("SELECT h.application_id, s.name AS student_name, h.from_state, h.to_state, h.actor_kind, "
      + "COALESCE(st.display_name, g.name) AS actor_name, h.reason, h.at FROM application_history h "
      + "JOIN application a ON a.id = h.application_id JOIN student s ON s.id = a.student_id "
      + "LEFT JOIN staff st ON h.actor_kind = 'STAFF' AND st.id = h.actor_id "
      + "LEFT JOIN guardian g ON h.actor_kind = 'GUARDIAN' AND g.id = h.actor_id "
      + "WHERE a.term_id = #{termId} ORDER BY h.application_id, h.id")
  List<HistoryLine> history(long termId);

  record ObjectionLine(long applicationId, String studentName, String reason, String recordedBy,
      LocalDateTime recordedAt, String resolution, String resolutionNote, String resolvedBy,
      LocalDateTime resolvedAt) {
  }

  @Select("SELECT o.application_id, s.name AS student_name, o.reason, rb.display_name AS recorded_by, o.recorded_at, "
      + "o.resolution, o.resolution_note, vb.display_name AS resolved_by, o.resolved_at FROM publicity_objection o "
      + "JOIN application a ON a.id = o.application_id JOIN student s ON s.id = a.student_id "
      + "JOIN staff rb ON rb.id = o.recorded_by LEFT JOIN staff vb ON vb.id = o.resolved_by "
      + "WHERE a.term_id = #{termId} ORDER BY o.id")
  List<ObjectionLine> objections(long termId);

  record SignatureLine(long id, long applicationId, String studentName, String className, String guardianName,
      LocalDateTime signedAt, String templateVersion, String sha256, long documentId) {
  }

  @Select("SELECT sig.id, sig.application_id, s.name AS student_name, c.name AS class_name, g.name AS guardian_name, "
      + "sig.signed_at, sig.template_version, sig.sha256, sig.agreement_document_id AS document_id "
      + "FROM agreement_signature sig JOIN application a ON a.id = sig.application_id "
      + "JOIN student s ON s.id = a.student_id JOIN school_class c ON c.id = s.class_id "
      + "JOIN guardian g ON g.id = sig.guardian_id WHERE a.term_id = #{termId} ORDER BY sig.id")
  List<SignatureLine> signatures(long termId);

  record DocumentText(long id, String sha256, String body) {
  }

  /** The signed texts of the term after {@code afterId}, a page at a time: each body stays in memory briefly. */
  @Select("SELECT d.id, d.sha256, d.body FROM agreement_document d JOIN application a ON a.id = d.application_id "
      + "WHERE a.term_id = #{termId} AND d.id > #{afterId} "
      + "AND EXISTS (SELECT 1 FROM agreement_signature sig WHERE sig.agreement_document_id = d.id) "
      + "ORDER BY d.id LIMIT #{limit}")
  List<DocumentText> signedTexts(@Param("termId") long termId, @Param("afterId") long afterId,
      @Param("limit") int limit);

  record CaseLine(long id, LocalDate date, String offering, String className, String studentName,
      LocalDateTime openedAt, LocalDateTime escalatedAt, LocalDateTime closedAt, String closedBy, String outcome,
      String outcomeNote) {
  }

  @Select("SELECT c.id, c.session_date AS date, o.name AS offering, sc.name AS class_name, s.name AS student_name, "
      + "c.opened_at, c.escalated_at, c.closed_at, cb.display_name AS closed_by, c.outcome, c.outcome_note "
      + "FROM absence_case c JOIN offering o ON o.id = c.offering_id JOIN student s ON s.id = c.student_id "
      + "JOIN school_class sc ON sc.id = s.class_id LEFT JOIN staff cb ON cb.id = c.closed_by "
      + "WHERE o.term_id = #{termId} ORDER BY c.session_date, c.id")
  List<CaseLine> cases(long termId);

  record CaseEventLine(long caseId, String studentName, LocalDateTime at, String kind, String staffName,
      String guardianName, String text) {
  }

  @Select("SELECT e.case_id, s.name AS student_name, e.at, e.kind, st.display_name AS staff_name, "
      + "g.name AS guardian_name, e.text FROM absence_case_event e JOIN absence_case c ON c.id = e.case_id "
      + "JOIN offering o ON o.id = c.offering_id JOIN student s ON s.id = c.student_id "
      + "LEFT JOIN staff st ON st.id = e.staff_id LEFT JOIN guardian g ON g.id = e.guardian_id "
      + "WHERE o.term_id = #{termId} ORDER BY e.case_id, e.id")
  List<CaseEventLine> caseEvents(long termId);

  record HandoverLine(long id, LocalDate date, String offering, String className, String studentName, String kind,
      String collectorName, String collectorRelation, LocalDateTime leftAt, String reason, String recordedBy,
      LocalDateTime recordedAt, Long corrects) {
  }

  /**
   * A page of the term's hand-overs after {@code afterId}, in the order they were recorded. The page's ids are chosen
   * first, along the primary key: joined first, MariaDB sorted every row of the term for each page (0.3 s a page at
   * 2,000 children, against 0.04 s).
   */
  @Select("SELECT h.id, h.session_date AS date, o.name AS offering, sc.name AS class_name, s.name AS student_name, "
      + "h.kind, h.collector_name, h.collector_relation, h.left_at, h.reason, rb.display_name AS recorded_by, "
      + "h.recorded_at, h.corrects FROM (SELECT p.id, p.session_date, p.offering_id, p.student_id, p.kind, "
      + "p.collector_name, p.collector_relation, p.left_at, p.reason, p.recorded_by, p.recorded_at, p.corrects "
      + "FROM handover p WHERE p.offering_id IN (SELECT id FROM offering WHERE term_id = #{termId}) "
      + "AND p.id > #{afterId} ORDER BY p.id LIMIT #{limit}) h JOIN offering o ON o.id = h.offering_id "
      + "JOIN student s ON s.id = h.student_id JOIN school_class sc ON sc.id = s.class_id "
      + "JOIN staff rb ON rb.id = h.recorded_by ORDER BY h.id")
  List<HandoverLine> handovers(@Param("termId") long termId, @Param("afterId") long afterId,
      @Param("limit") int limit);

  record NoticeLine(long id, LocalDateTime createdAt, String sender, String audience, String title, String body,
      boolean confirmRequired, LocalDateTime confirmBy, boolean urgent, int children, int confirmedChildren,
      int families, int confirmedFamilies) {
  }

  /**
   * The notices sent within the term's dates, each with its counts as the notice view gives them: a child counts as
   * confirmed once any guardian it went to confirmed; a family is a guardian account.
   */
  @Select("SELECT n.id, n.created_at, st.display_name AS sender, n.audience_name AS audience, n.title, n.body, "
      + "n.confirm_required, n.confirm_by, n.urgent, "
      + "(SELECT COUNT(DISTINCT c.student_id) FROM parent_notice_child c WHERE c.notice_id = n.id) AS children, "
      + "(SELECT COUNT(DISTINCT c.student_id) FROM parent_notice_child c JOIN parent_notice_guardian g "
      + "ON g.notice_id = c.notice_id AND g.guardian_id = c.guardian_id AND g.confirmed_at IS NOT NULL "
      + "WHERE c.notice_id = n.id) AS confirmed_children, "
      + "(SELECT COUNT(*) FROM parent_notice_guardian g WHERE g.notice_id = n.id) AS families, "
      + "(SELECT COUNT(*) FROM parent_notice_guardian g WHERE g.notice_id = n.id AND g.confirmed_at IS NOT NULL) "
      + "AS confirmed_families FROM parent_notice n JOIN staff st ON st.id = n.sender_id "
      + "WHERE n.school_id = #{schoolId} AND n.created_at >= #{from} AND n.created_at < #{until} ORDER BY n.id")
  List<NoticeLine> notices(@Param("schoolId") long schoolId, @Param("from") LocalDateTime from,
      @Param("until") LocalDateTime until);
}
