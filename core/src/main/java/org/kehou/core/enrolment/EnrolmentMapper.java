package org.kehou.core.enrolment;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.kehou.core.GeneratedId;
import org.kehou.core.cache.Invalidates;
import org.kehou.core.cache.Region;
import org.kehou.core.offering.Offering;
import org.kehou.core.waitlist.SeatMapper;

@Mapper
interface EnrolmentMapper {

  record Application(long id, long studentId, String state) {
  }

  /** An offering locked for a submission, with what decides how a choice of it is placed. */
  record LockedOffering(long id, int capacity, Offering.Allocation allocation, LocalDateTime closesAt,
      LocalDateTime drawnAt) {

    /** Applications are still collected for the draw at {@code now}: a choice enters it and holds no seat. */
    boolean collectingForDraw(LocalDateTime now) {
      return allocation == Offering.Allocation.AT_CLOSE && drawnAt == null && now.isBefore(closesAt);
    }

    /** Closed, but the draw has not run yet: a late choice waits behind every entrant and never joins the draw. */
    boolean awaitingDraw(LocalDateTime now) {
      return allocation == Offering.Allocation.AT_CLOSE && drawnAt == null && !now.isBefore(closesAt);
    }
  }

  /**
   * While anyone waits, no seat is free for a newcomer: seated then counts as the whole capacity. draw_closes_at: the
   * closing time of an AT_CLOSE offering whose draw has not run yet.
   */
  @Select("SELECT o.id, o.name, o.weekdays, o.starts_at, o.ends_at, o.capacity, "
      + "CASE WHEN EXISTS (SELECT 1 FROM application_choice w WHERE w.offering_id = o.id "
      + "AND w.status = 'WAITLISTED') THEN o.capacity ELSE (SELECT COUNT(*) FROM application_choice c "
      + "WHERE c.offering_id = o.id AND c.status IN ('SEATED', 'OFFERED')) END AS seated, "
      + "CASE WHEN o.allocation = 'AT_CLOSE' AND o.drawn_at IS NULL THEN o.closes_at END AS draw_closes_at "
      + "FROM offering o WHERE o.term_id = #{termId} AND o.status = 'OPEN' AND (o.grades & #{gradeBit}) <> 0 "
      + "ORDER BY o.id")
  List<Offer> openOfferings(@Param("termId") long termId, @Param("gradeBit") int gradeBit);

  @Select("SELECT id, student_id, state FROM application WHERE term_id = #{termId} AND student_id = #{studentId} "
      + "AND live = 1")
  Optional<Application> liveApplication(@Param("termId") long termId, @Param("studentId") long studentId);

  /** The live application if there is one, else the child's most recent one this term (rejected, withdrawn…). */
  @Select("SELECT id, student_id, state FROM application WHERE term_id = #{termId} AND student_id = #{studentId} "
      + "ORDER BY live IS NULL, id DESC LIMIT 1")
  Optional<Application> latestApplication(@Param("termId") long termId, @Param("studentId") long studentId);

  @Invalidates(Region.ENROLMENT)
  @Insert("INSERT INTO application (school_id, term_id, student_id, applicant_guardian_id, state, live) "
      + "VALUES (#{schoolId}, #{termId}, #{studentId}, #{guardianId}, 'SUBMITTED', 1)")
  @Options(useGeneratedKeys = true, keyProperty = "key.id")
  void insertApplication(@Param("schoolId") long schoolId, @Param("termId") long termId,
      @Param("studentId") long studentId, @Param("guardianId") long guardianId, @Param("key") GeneratedId key);

  /** Locks the chosen offerings in id order, so two submissions never wait on each other crosswise. */
  @Select("<script>SELECT id, capacity, allocation, closes_at, drawn_at FROM offering WHERE term_id = #{termId} "
      + "AND status = 'OPEN' AND (grades &amp; #{gradeBit}) &lt;&gt; 0 AND id IN "
      + "<foreach item='id' collection='ids' open='(' separator=',' close=')'>#{id}</foreach> "
      + "ORDER BY id FOR UPDATE</script>")
  List<LockedOffering> lockOfferings(@Param("termId") long termId, @Param("gradeBit") int gradeBit,
      @Param("ids") List<Long> ids);

  @Invalidates(Region.ENROLMENT)
  @Insert("INSERT INTO application_choice (application_id, offering_id, status) "
      + "VALUES (#{applicationId}, #{offeringId}, #{status})")
  void insertChoice(@Param("applicationId") long applicationId, @Param("offeringId") long offeringId,
      @Param("status") String status);

  @Insert("INSERT INTO application_history (application_id, from_state, to_state, actor_kind, actor_id) "
      + "VALUES (#{applicationId}, NULL, 'SUBMITTED', 'GUARDIAN', #{guardianId})")
  void insertSubmittedHistory(@Param("applicationId") long applicationId, @Param("guardianId") long guardianId);

  /**
   * Waitlist position within the child's own priority group (SeatMapper#GROUP_POSITION); the closing time of the draw
   * a choice is in.
   */
  @Select("SELECT c.offering_id, o.name, o.weekdays, o.starts_at, o.ends_at, c.status, "
      + "CASE WHEN c.status = 'WAITLISTED' THEN " + SeatMapper.GROUP_POSITION + " END AS position, "
      + "CASE WHEN c.status = 'IN_DRAW' THEN o.closes_at END AS closes_at "
      + "FROM application_choice c JOIN offering o ON o.id = c.offering_id "
      + "JOIN application a ON a.id = c.application_id JOIN student s ON s.id = a.student_id "
      + "WHERE c.application_id = #{applicationId} ORDER BY c.offering_id")
  List<ApplicationView.Choice> choices(long applicationId);
}
