package org.kehou.core.enrolment;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.kehou.core.cache.Invalidates;
import org.kehou.core.cache.Region;
import org.kehou.core.offering.Offering;

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
}
