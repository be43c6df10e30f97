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

  record MarkRow(LocalDate day, long offeringId, long studentId, boolean present, LocalDateTime markedAt, String markedBy) {
  }

  /** Every mark of the offerings' sessions in the span, oldest first: the last one per child and session counts (V44). */
  @Select("<script>SELECT m.session_date AS day, m.offering_id, m.student_id, m.present, m.marked_at, "
      + "st.display_name AS marked_by FROM roll_call_mark m JOIN staff st ON st.id = m.marked_by WHERE m.offering_id IN "
      + "<foreach item='id' collection='ids' open='(' separator=',' close=')'>#{id}</foreach> "
      + "AND m.session_date BETWEEN #{from} AND #{to} ORDER BY m.id</script>")
  List<MarkRow> marks(@Param("ids") Collection<Long> offeringIds, @Param("from") LocalDate from,
      @Param("to") LocalDate to);

  record EarlyLeaveRow(LocalDate day, long offeringId, long studentId, LocalDateTime leftAt, String reason) {
  }

  /** Early leave (提前离校) recorded in the offerings' sessions in the span and not corrected since (V49). */
  @Select("<script>SELECT h.session_date AS day, h.offering_id, h.student_id, h.left_at, h.reason FROM handover h "
      + "WHERE h.kind = 'EARLY_LEAVE' AND h.offering_id IN "
      + "<foreach item='id' collection='ids' open='(' separator=',' close=')'>#{id}</foreach> "
      + "AND h.session_date BETWEEN #{from} AND #{to} "
      + "AND NOT EXISTS (SELECT 1 FROM handover c WHERE c.corrects = h.id) ORDER BY h.id</script>")
  List<EarlyLeaveRow> earlyLeaves(@Param("ids") Collection<Long> offeringIds, @Param("from") LocalDate from,
      @Param("to") LocalDate to);
}
