package org.kehou.core.draw;

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
import org.kehou.core.offering.Offering;
import org.kehou.core.waitlist.SeatMapper;

/** Draws at close: who is in them, their results, the record staff read. */
@Mapper
interface DrawMapper {

  /** The offering's draw facts, read once its row is locked. */
  record DrawnOffering(long id, Offering.Allocation allocation, LocalDateTime closesAt, LocalDateTime drawnAt) {
  }

  /** A choice in a draw; {@code state} is its application's. */
  record Entrant(long choiceId, long applicationId, boolean priority, String state) {
  }

  /** One line of one guardian's outcome message. */
  record Outcome(long guardianId, long schoolId, long studentId, String child, long offeringId, String offering,
      String status, Integer position) {
  }

  @Select("SELECT id FROM offering WHERE allocation = 'AT_CLOSE' AND drawn_at IS NULL AND closes_at <= #{now} "
      + "ORDER BY id")
  List<Long> dueOfferings(LocalDateTime now);

  /** Not locking: the draw locks these applications next, before any offering, in the order locks are taken. */
  @Select("<script>SELECT DISTINCT application_id FROM application_choice WHERE status = 'IN_DRAW' AND offering_id IN "
      + "<foreach item='id' collection='ids' open='(' separator=',' close=')'>#{id}</foreach> "
      + "ORDER BY application_id</script>")
  List<Long> entrantApplications(@Param("ids") List<Long> offeringIds);

  @Select("<script>SELECT id FROM application WHERE id IN "
      + "<foreach item='id' collection='ids' open='(' separator=',' close=')'>#{id}</foreach> "
      + "ORDER BY id FOR UPDATE</script>")
  List<Long> lockApplications(@Param("ids") List<Long> applicationIds);

  @Select("SELECT id, allocation, closes_at, drawn_at FROM offering WHERE id = #{id}")
  DrawnOffering offering(long offeringId);

  /** Entrants of live applications only: a choice of an ended one is released with it and has no place in the draw. */
  @Select("SELECT ac.id AS choice_id, ac.application_id, s.priority <> 'NONE' AS priority, a.state "
      + "FROM application_choice ac JOIN application a ON a.id = ac.application_id "
      + "JOIN student s ON s.id = a.student_id "
      + "WHERE ac.offering_id = #{id} AND ac.status = 'IN_DRAW' AND a.live = 1 ORDER BY ac.id")
  List<Entrant> entrants(long offeringId);

  @Invalidates(Region.ENROLMENT)
  @Update("UPDATE application_choice SET status = #{status}, draw_outcome = #{status}, draw_rank = #{rank}, "
      + "draw_reason = #{reason}, updated_at = #{now} WHERE id = #{id} AND status = 'IN_DRAW'")
  int place(@Param("id") long choiceId, @Param("status") String status, @Param("rank") int rank,
      @Param("reason") String reason, @Param("now") LocalDateTime now);

  /** What is still in the draw once it ran belongs to no live application. */
  @Invalidates(Region.ENROLMENT)
  @Update("UPDATE application_choice SET status = 'RELEASED', updated_at = #{now} "
      + "WHERE offering_id = #{id} AND status = 'IN_DRAW'")
  int releaseLeftovers(@Param("id") long offeringId, @Param("now") LocalDateTime now);

  @Invalidates(Region.ENROLMENT)
  @Update("UPDATE offering SET drawn_at = #{now} WHERE id = #{id}")
  void markDrawn(@Param("id") long offeringId, @Param("now") LocalDateTime now);

  @Insert("INSERT INTO offering_draw (offering_id, seed, drawn_at, closes_at, capacity, free_seats, entrants, seated) "
      + "VALUES (#{r.offeringId}, #{r.seed}, #{r.drawnAt}, #{r.closesAt}, #{r.capacity}, #{r.freeSeats}, "
      + "#{r.entrants}, #{r.seated})")
  void insertDraw(@Param("r") DrawRecord record);

  /**
   * Every guardian of every child the draw placed, with the place (a waitlist place counted within the child's
   * priority group, as 状态 shows it).
   */
  @Select("SELECT sg.guardian_id, a.school_id, a.student_id, s.name AS child, o.id AS offering_id, "
      + "o.name AS offering, c.status, CASE WHEN c.status = 'WAITLISTED' THEN " + SeatMapper.GROUP_POSITION
      + " END AS position FROM application_choice c JOIN application a ON a.id = c.application_id "
      + "JOIN student s ON s.id = a.student_id JOIN student_guardian sg ON sg.student_id = s.id "
      + "JOIN offering o ON o.id = c.offering_id WHERE c.offering_id = #{id} AND c.draw_outcome IS NOT NULL "
      + "AND c.status IN ('SEATED', 'WAITLISTED')")
  List<Outcome> outcomes(long offeringId);

  @Select("SELECT offering_id, seed, drawn_at, closes_at, capacity, free_seats, entrants, seated FROM offering_draw "
      + "WHERE offering_id = #{id}")
  Optional<DrawRecord> record(long offeringId);

  /** In the draw's seat order: priority children first, each group in lottery order. */
  @Select("SELECT ac.draw_rank AS lottery_rank, ac.application_id, a.student_id, s.name AS child, "
      + "sc.name AS class_name, ac.draw_outcome AS outcome, ac.draw_reason AS reason, ac.status "
      + "FROM application_choice ac JOIN application a ON a.id = ac.application_id "
      + "JOIN student s ON s.id = a.student_id JOIN school_class sc ON sc.id = s.class_id "
      + "WHERE ac.offering_id = #{id} AND ac.draw_rank IS NOT NULL "
      + "ORDER BY ac.draw_reason = 'PRIORITY' DESC, ac.draw_rank")
  List<DrawEntrant> entrantsInOrder(long offeringId);
}
