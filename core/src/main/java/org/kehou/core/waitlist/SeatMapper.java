package org.kehou.core.waitlist;

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
import org.kehou.core.lifecycle.StaffNotice;

/** Seats, waitlist offers and the staff notices they cause. A seat is held by a SEATED or an OFFERED choice. */
@Mapper
public interface SeatMapper {

  @Select("SELECT capacity FROM offering WHERE id = #{id} FOR UPDATE")
  int lockOffering(long offeringId);

  /** Read under the offering's lock: the draw sets drawn_at holding it. */
  @Select("SELECT allocation = 'AT_CLOSE' AND drawn_at IS NULL FROM offering WHERE id = #{id}")
  boolean awaitingDraw(long offeringId);

  /** Offerings the application has a choice in, in the order their locks are taken everywhere. */
  @Select("SELECT DISTINCT offering_id FROM application_choice WHERE application_id = #{id} "
      + "AND status <> 'RELEASED' ORDER BY offering_id")
  List<Long> choiceOfferings(long applicationId);

  // Counted under the offering's lock (see SeatKeeper#lock) with plain reads: in read committed each one sees every
  // change committed before it, and every writer of the offering's choices waits for that lock. A locking count is not
  // bounded by its plan: on a small table with stale statistics the optimizer scans the whole clustered index, and a
  // locking scan waits on every row it passes, also another offering's choice that a transaction holding that
  // offering's lock has just changed. Two such counts deadlocked each other (SeatRaceTests, on a fresh database).
  @Select("SELECT COUNT(*) FROM application_choice WHERE offering_id = #{id} AND status = 'SEATED'")
  int seatedLocked(long offeringId);

  @Select("SELECT COUNT(*) FROM application_choice WHERE offering_id = #{id} AND status IN ('SEATED', 'OFFERED')")
  int heldLocked(long offeringId);

  @Select("SELECT COUNT(*) FROM application_choice WHERE offering_id = #{id} AND status = 'WAITLISTED'")
  int waitingLocked(long offeringId);

  /**
   * The 1-based place of waitlisted choice {@code c} among the waitlisted choices of its offering whose child has the
   * same priority standing (the choice's priority_group, kept by V50's triggers), in {@link #firstWaitlisted}'s order:
   * what a parent is told, so that no family can work out from its place that another child was moved ahead for a
   * left-behind or hardship flag.
   */
  String GROUP_POSITION = "(SELECT COUNT(*) FROM application_choice w WHERE w.offering_id = c.offering_id "
      + "AND w.status = 'WAITLISTED' AND w.priority_group = c.priority_group "
      + "AND (COALESCE(w.draw_rank, 2147483647), w.id) <= (COALESCE(c.draw_rank, 2147483647), c.id))";

  /**
   * Left-behind and hardship pupils first, then the lottery order of a draw, then whoever applied first. Not locking,
   * like the counts above: the caller holds the offering's lock, and the offer's update then locks the one choice it
   * changes. Locking other children's application rows here would cross a withdrawal's lock order. Choices of ended
   * applications are RELEASED, so a WAITLISTED one always belongs to a live application.
   */
  @Select("SELECT ac.id FROM application_choice ac WHERE ac.offering_id = #{id} AND ac.status = 'WAITLISTED' "
      + "ORDER BY (SELECT s.priority = 'NONE' FROM application a JOIN student s ON s.id = a.student_id "
      + "WHERE a.id = ac.application_id), COALESCE(ac.draw_rank, 2147483647), ac.id LIMIT 1")
  Optional<Long> firstWaitlisted(long offeringId);

  @Invalidates(Region.ENROLMENT)
  @Update("UPDATE application_choice SET status = 'OFFERED', offered_at = #{now}, offer_expires_at = #{expires}, "
      + "updated_at = #{now} WHERE id = #{id}")
  void offer(@Param("id") long choiceId, @Param("now") LocalDateTime now, @Param("expires") LocalDateTime expires);

  String OFFER = "SELECT ac.id AS choice_id, a.id AS application_id, a.school_id, a.student_id, s.name AS student_name, "
      + "o.name AS offering_name FROM application_choice ac JOIN application a ON a.id = ac.application_id "
      + "JOIN student s ON s.id = a.student_id JOIN offering o ON o.id = ac.offering_id ";

  @Select(OFFER + "WHERE ac.id = #{id}")
  Offer offerOf(long choiceId);

  /** Not locking: the answer takes the offering's lock first and settles the offer only while it is still open. */
  @Select(OFFER + "WHERE a.student_id = #{studentId} AND a.live = 1 AND ac.status = 'OFFERED' "
      + "AND ac.offer_expires_at > #{now} ORDER BY ac.id LIMIT 1")
  Optional<Offer> openOffer(@Param("studentId") long studentId, @Param("now") LocalDateTime now);

  /** In offering order, the order their locks are taken. */
  @Select(OFFER + "WHERE ac.status = 'OFFERED' AND ac.offer_expires_at <= #{now} ORDER BY ac.offering_id, ac.id")
  List<Offer> expiredOffers(LocalDateTime now);

  @Select(OFFER + "WHERE ac.status = 'OFFERED' AND ac.offer_expires_at > #{now} "
      + "AND TIMESTAMPADD(SECOND, TIMESTAMPDIFF(SECOND, ac.offered_at, ac.offer_expires_at) / 2, ac.offered_at) "
      + "<= #{now} ORDER BY ac.id")
  List<Offer> offersPastHalfway(LocalDateTime now);

  @Select("SELECT offer_expires_at FROM application_choice WHERE id = #{id}")
  LocalDateTime offerExpiresAt(long choiceId);

  @Select("SELECT offering_id FROM application_choice WHERE id = #{id}")
  long offeringOf(long choiceId);

  /** Locks the choice until the transaction ends; false once the offer was answered or released. */
  @Select("SELECT COUNT(*) FROM application_choice WHERE id = #{id} AND status = 'OFFERED' FOR UPDATE")
  boolean offerStillOpen(long choiceId);

  /** Only while still OFFERED: an expiry job and a parent's 确认 racing for one offer settle it once. */
  @Invalidates(Region.ENROLMENT)
  @Update("UPDATE application_choice SET status = #{to}, updated_at = #{now} WHERE id = #{id} AND status = 'OFFERED'")
  int settleOffer(@Param("id") long choiceId, @Param("to") String to, @Param("now") LocalDateTime now);

  @Invalidates(Region.ENROLMENT)
  @Update("UPDATE application SET ends_on = #{endsOn} WHERE id = #{id}")
  void endsOn(@Param("id") long applicationId, @Param("endsOn") java.time.LocalDate endsOn);

  @Select("SELECT id, kind, body, created_at, read_at FROM staff_notice WHERE staff_id = #{staffId} "
      + "ORDER BY id DESC LIMIT 200")
  List<StaffNotice> notices(long staffId);
}
