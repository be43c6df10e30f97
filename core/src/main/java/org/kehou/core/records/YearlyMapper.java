package org.kehou.core.records;

import java.time.LocalDate;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
interface YearlyMapper {

  @Select("SELECT COUNT(*) FROM student WHERE school_id = #{schoolId}")
  int pupils(long schoolId);

  /** The children whose enrolment of one of the terms was ever active (signed), once each. */
  @Select("<script>SELECT DISTINCT student_id FROM application WHERE term_id IN "
      + "<foreach item='id' collection='terms' open='(' separator=',' close=')'>#{id}</foreach> "
      + "AND state IN ('ACTIVE', 'ENDED') AND active_from IS NOT NULL</script>")
  List<Long> participants(@Param("terms") List<Long> termIds);

  record FeeTotals(long amountFen, long reductionFen) {
  }

  @Select("SELECT COALESCE(SUM(amount_fen), 0) AS amount_fen, COALESCE(SUM(reduction_fen), 0) AS reduction_fen "
      + "FROM fee_statement WHERE term_id = #{termId}")
  FeeTotals fees(long termId);

  record CaseTotals(int cases, int escalated, int open) {
  }

  @Select("SELECT COUNT(*) AS cases, COALESCE(SUM(c.escalated_at IS NOT NULL), 0) AS escalated, "
      + "COALESCE(SUM(c.closed_at IS NULL), 0) AS open FROM absence_case c JOIN offering o ON o.id = c.offering_id "
      + "WHERE o.term_id = #{termId} AND c.session_date <= #{upTo}")
  CaseTotals cases(@Param("termId") long termId, @Param("upTo") LocalDate upTo);
}
