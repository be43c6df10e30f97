package org.kehou.core.duty;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
interface SubsidySheetMapper {

  /** Throws {@link org.springframework.dao.DuplicateKeyException} when the month was closed already. */
  @Insert("INSERT INTO subsidy_sheet (school_id, month, closed_at, total_fen, body) "
      + "VALUES (#{schoolId}, #{month}, #{at}, #{totalFen}, #{body})")
  void insert(@Param("schoolId") long schoolId, @Param("month") LocalDate month, @Param("at") LocalDateTime at,
      @Param("totalFen") long totalFen, @Param("body") String body);

  @Select("SELECT body FROM subsidy_sheet WHERE school_id = #{schoolId} AND month = #{month}")
  Optional<String> body(@Param("schoolId") long schoolId, @Param("month") LocalDate month);
}
