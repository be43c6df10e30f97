package org.kehou.core.calendar;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
interface SessionMapper {

  /** {@code bit}: the weekday's bit in V4's mask (bit 0 = Monday). Closed offerings keep the children seated in them. */
  @Select("SELECT o.id AS offering_id, o.name, o.kind, o.room, o.starts_at, o.ends_at, o.teacher_id, "
      + "st.display_name AS teacher_name FROM offering o LEFT JOIN staff st ON st.id = o.teacher_id "
      + "WHERE o.term_id = #{termId} AND (o.weekdays & #{bit}) <> 0 ORDER BY o.starts_at, o.name, o.id")
  List<TimetableSlot> offeringsOn(@Param("termId") long termId, @Param("bit") int bit);

  /**
   * The children enrolled on {@code day} in offerings of the weekday: a signed enrolment active from that day on
   * (active_from), not yet over (ends_on is the first day without service, see WithdrawalService), seated.
   */
  @Select("SELECT ac.offering_id, s.id AS student_id, s.name AS student_name, c.id AS class_id, "
      + "c.name AS class_name, c.class_teacher_id FROM application a "
      + "JOIN application_choice ac ON ac.application_id = a.id AND ac.status = 'SEATED' "
      + "JOIN offering o ON o.id = ac.offering_id JOIN student s ON s.id = a.student_id "
      + "JOIN school_class c ON c.id = s.class_id "
      + "WHERE a.term_id = #{termId} AND a.state IN ('ACTIVE', 'ENDED') AND a.active_from <= #{day} "
      + "AND (a.ends_on IS NULL OR a.ends_on > #{day}) AND (o.weekdays & #{bit}) <> 0 "
      + "ORDER BY ac.offering_id, c.name, s.student_no")
  List<EnrolledChild> enrolled(@Param("termId") long termId, @Param("day") LocalDate day, @Param("bit") int bit);

  /** As {@link #enrolled}, for one child: its first seat that day, if any. */
  @Select("SELECT ac.offering_id, s.id AS student_id, s.name AS student_name, c.id AS class_id, "
      + "c.name AS class_name, c.class_teacher_id FROM application a "
      + "JOIN application_choice ac ON ac.application_id = a.id AND ac.status = 'SEATED' "
      + "JOIN offering o ON o.id = ac.offering_id JOIN student s ON s.id = a.student_id "
      + "JOIN school_class c ON c.id = s.class_id "
      + "WHERE a.term_id = #{termId} AND a.student_id = #{studentId} AND a.state IN ('ACTIVE', 'ENDED') "
      + "AND a.active_from <= #{day} AND (a.ends_on IS NULL OR a.ends_on > #{day}) AND (o.weekdays & #{bit}) <> 0 "
      + "ORDER BY ac.offering_id LIMIT 1")
  Optional<EnrolledChild> enrolledChild(@Param("termId") long termId, @Param("day") LocalDate day,
      @Param("bit") int bit, @Param("studentId") long studentId);

  /** The children on approved leave that day (see V43: live leave is not cancelled). */
  @Select("SELECT student_id FROM leave_request WHERE school_id = #{schoolId} AND day = #{day} AND live = 1")
  List<Long> onLeave(@Param("schoolId") long schoolId, @Param("day") LocalDate day);

  /** A child taken early (提前离校, not corrected since) and when: off the roll of every later session that day. */
  record EarlyLeave(long studentId, LocalDateTime leftAt) {
  }

  @Select("SELECT h.student_id, h.left_at FROM handover h WHERE h.school_id = #{schoolId} AND h.session_date = #{day} "
      + "AND h.kind = 'EARLY_LEAVE' AND NOT EXISTS (SELECT 1 FROM handover c WHERE c.corrects = h.id)")
  List<EarlyLeave> earlyLeaves(@Param("schoolId") long schoolId, @Param("day") LocalDate day);

  @Select("<script>SELECT sg.guardian_id, s.id AS student_id, s.name AS student_name FROM student_guardian sg "
      + "JOIN student s ON s.id = sg.student_id WHERE sg.student_id IN "
      + "<foreach item='id' collection='ids' open='(' separator=',' close=')'>#{id}</foreach> "
      + "ORDER BY sg.guardian_id, s.id</script>")
  List<FamilyChild> familiesOf(@Param("ids") Collection<Long> studentIds);

  /**
   * The guardians of children enrolled now (ACTIVE) with a seat in an offering that runs to the close of the service
   * ({@code close}: the earlier of the term's two end times), whose end the season moves.
   */
  @Select("SELECT DISTINCT sg.guardian_id, s.id AS student_id, s.name AS student_name FROM application a "
      + "JOIN application_choice ac ON ac.application_id = a.id AND ac.status = 'SEATED' "
      + "JOIN offering o ON o.id = ac.offering_id JOIN student s ON s.id = a.student_id "
      + "JOIN student_guardian sg ON sg.student_id = s.id "
      + "WHERE a.term_id = #{termId} AND a.state = 'ACTIVE' AND o.ends_at >= #{close} ORDER BY sg.guardian_id, s.id")
  List<FamilyChild> seasonFamilies(@Param("termId") long termId, @Param("close") LocalTime close);

  /** A seat of the term as {@link #enrolled} reads it, with what decides the days it counts on. */
  record SpanSeat(long offeringId, long studentId, String studentName, long classId, String className,
      Long classTeacherId, int weekdays, LocalDate activeFrom, LocalDate endsOn) {

    boolean enrolledOn(LocalDate day, int bit) {
      return (weekdays & bit) != 0 && !activeFrom.isAfter(day) && (endsOn == null || endsOn.isAfter(day));
    }

    RosterChild asRosterChild() {
      return new RosterChild(studentId, studentName, classId, className, classTeacherId);
    }
  }

  /** Every seat {@link #enrolled} could return on some day of the term, in its order. */
  @Select("SELECT ac.offering_id, s.id AS student_id, s.name AS student_name, c.id AS class_id, "
      + "c.name AS class_name, c.class_teacher_id, o.weekdays, a.active_from, a.ends_on FROM application a "
      + "JOIN application_choice ac ON ac.application_id = a.id AND ac.status = 'SEATED' "
      + "JOIN offering o ON o.id = ac.offering_id JOIN student s ON s.id = a.student_id "
      + "JOIN school_class c ON c.id = s.class_id "
      + "WHERE a.term_id = #{termId} AND a.state IN ('ACTIVE', 'ENDED') AND a.active_from IS NOT NULL "
      + "ORDER BY ac.offering_id, c.name, s.student_no")
  List<SpanSeat> seatsOfTerm(long termId);

  record LeaveDay(long studentId, LocalDate day) {
  }

  /** As {@link #onLeave}, for every day of a span. */
  @Select("SELECT student_id, day FROM leave_request WHERE school_id = #{schoolId} AND day BETWEEN #{from} AND #{to} "
      + "AND live = 1")
  List<LeaveDay> leaveBetween(@Param("schoolId") long schoolId, @Param("from") LocalDate from,
      @Param("to") LocalDate to);

  record SpanEarlyLeave(LocalDate day, long studentId, LocalDateTime leftAt) {
  }

  /** As {@link #earlyLeaves}, for every day of a span. */
  @Select("SELECT h.session_date AS day, h.student_id, h.left_at FROM handover h WHERE h.school_id = #{schoolId} "
      + "AND h.session_date BETWEEN #{from} AND #{to} AND h.kind = 'EARLY_LEAVE' "
      + "AND NOT EXISTS (SELECT 1 FROM handover c WHERE c.corrects = h.id)")
  List<SpanEarlyLeave> earlyLeavesBetween(@Param("schoolId") long schoolId, @Param("from") LocalDate from,
      @Param("to") LocalDate to);
}
