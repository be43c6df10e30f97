package org.kehou.core.records;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
interface RecordsMapper {

  record MarkRow(long offeringId, long studentId, boolean present, LocalDateTime markedAt, String markedBy) {
  }

  /** Every mark of the day's sessions, oldest first: the last one per child and session counts (V44). */
  @Select("<script>SELECT m.offering_id, m.student_id, m.present, m.marked_at, st.display_name AS marked_by "
      + "FROM roll_call_mark m JOIN staff st ON st.id = m.marked_by WHERE m.session_date = #{day} AND m.offering_id IN "
      + "<foreach item='id' collection='ids' open='(' separator=',' close=')'>#{id}</foreach> ORDER BY m.id</script>")
  List<MarkRow> marks(@Param("day") LocalDate day, @Param("ids") Collection<Long> offeringIds);

  record EarlyLeaveRow(long offeringId, long studentId, LocalDateTime leftAt, String reason) {
  }

  /** Early leave (提前离校) recorded in the day's sessions and not corrected since (V49). */
  @Select("<script>SELECT h.offering_id, h.student_id, h.left_at, h.reason FROM handover h "
      + "WHERE h.session_date = #{day} AND h.kind = 'EARLY_LEAVE' AND h.offering_id IN "
      + "<foreach item='id' collection='ids' open='(' separator=',' close=')'>#{id}</foreach> "
      + "AND NOT EXISTS (SELECT 1 FROM handover c WHERE c.corrects = h.id) ORDER BY h.id</script>")
  List<EarlyLeaveRow> earlyLeaves(@Param("day") LocalDate day, @Param("ids") Collection<Long> offeringIds);
}
