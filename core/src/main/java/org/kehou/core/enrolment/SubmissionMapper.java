package org.kehou.core.enrolment;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.kehou.core.cache.Invalidates;
import org.kehou.core.cache.Region;
import org.kehou.core.offering.Offering;
import org.kehou.core.waitlist.SeatMapper;

/** The writes of a batch of submissions (SubmissionBatch): one statement per table for the whole batch. */
@Mapper
interface SubmissionMapper {

  /** An open offering as a batch checks and places choices of it. */
  record OpenOffering(long id, long termId, int grades, int capacity, Offering.Allocation allocation,
      LocalDateTime closesAt, LocalDateTime drawnAt) {

    EnrolmentMapper.LockedOffering locked() {
      return new EnrolmentMapper.LockedOffering(id, capacity, allocation, closesAt, drawnAt);
    }
  }

  record LiveApplication(long id, long termId, long studentId) {
  }

  /** A choice to insert, of an application already written in the same transaction. */
  record NewChoice(long applicationId, long offeringId, String status) {
  }

  String OPEN_OFFERINGS = "<script>SELECT id, term_id, grades, capacity, allocation, closes_at, drawn_at FROM offering "
      + "WHERE status = 'OPEN' AND id IN <foreach item='id' collection='ids' open='(' separator=',' close=')'>#{id}"
      + "</foreach> ORDER BY id";

  @Select(OPEN_OFFERINGS + "</script>")
  List<OpenOffering> openOfferings(@Param("ids") Collection<Long> ids);

  /** Locks the offerings in id order, the order every seat transaction takes them in. */
  @Select(OPEN_OFFERINGS + " FOR UPDATE</script>")
  List<OpenOffering> lockOpenOfferings(@Param("ids") Collection<Long> ids);

  @Select("<script>SELECT id, term_id, student_id FROM application WHERE live = 1 AND student_id IN "
      + "<foreach item='id' collection='ids' open='(' separator=',' close=')'>#{id}</foreach></script>")
  List<LiveApplication> liveApplications(@Param("ids") Collection<Long> studentIds);

  @Invalidates(Region.ENROLMENT)
  @Insert("<script>INSERT INTO application (school_id, term_id, student_id, applicant_guardian_id, state, live) VALUES "
      + "<foreach item='a' collection='apps' separator=','>"
      + "(#{a.schoolId}, #{a.termId}, #{a.studentId}, #{a.guardianId}, 'SUBMITTED', 1)</foreach></script>")
  void insertApplications(@Param("apps") List<NewApplication> applications);

  /** Choices in list order, so that ids (the waitlist's tie-break) follow the order the parents confirmed in. */
  @Invalidates(Region.ENROLMENT)
  @Insert("<script>INSERT INTO application_choice (application_id, offering_id, status) VALUES "
      + "<foreach item='c' collection='choices' separator=','>(#{c.applicationId}, #{c.offeringId}, #{c.status})"
      + "</foreach></script>")
  void insertChoices(@Param("choices") List<NewChoice> choices);

  @Insert("<script>INSERT INTO application_history (application_id, from_state, to_state, actor_kind, actor_id) VALUES "
      + "<foreach item='a' collection='apps' separator=','>(#{a.id}, NULL, 'SUBMITTED', 'GUARDIAN', #{a.guardianId})"
      + "</foreach></script>")
  void insertSubmittedHistory(@Param("apps") List<Submitted> submitted);

  /** A written application and who submitted it. */
  record Submitted(long id, long guardianId) {
  }

  /** One choice of a written application, as the parent's reply shows it (EnrolmentMapper#choices). */
  record SubmittedChoice(long applicationId, long offeringId, String name, int weekdays, LocalTime startsAt,
      LocalTime endsAt, String status, Integer position, LocalDateTime closesAt) {

    ApplicationView.Choice choice() {
      return new ApplicationView.Choice(offeringId, name, weekdays, startsAt, endsAt, status, position, closesAt);
    }
  }

  /**
   * The batch's choices with their waitlist places, the same columns as EnrolmentMapper#choices for many applications
   * at once: read inside the batch, under the offerings' locks, the places are those at the commit.
   */
  @Select("<script>SELECT c.application_id, c.offering_id, o.name, o.weekdays, o.starts_at, o.ends_at, c.status, "
      + "CASE WHEN c.status = 'WAITLISTED' THEN <![CDATA[" + SeatMapper.GROUP_POSITION + "]]> END AS position, "
      + "CASE WHEN c.status = 'IN_DRAW' THEN o.closes_at END AS closes_at "
      + "FROM application_choice c JOIN offering o ON o.id = c.offering_id WHERE c.application_id IN "
      + "<foreach item='id' collection='ids' open='(' separator=',' close=')'>#{id}</foreach> "
      + "ORDER BY c.application_id, c.offering_id</script>")
  List<SubmittedChoice> submittedChoices(@Param("ids") Collection<Long> applicationIds);
}
