package org.kehou.core.staff;

import java.time.LocalDateTime;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface StaffAlertMapper {

  /**
   * Throws {@link org.springframework.dao.DuplicateKeyException} when this staff member was told of this occasion
   * already. Not {@code ON DUPLICATE KEY UPDATE}: Connector/J counts the rows found, not changed, so a duplicate would
   * answer 1 as a new row does; nor {@code INSERT IGNORE}, which would hide every other error too.
   */
  @Insert("INSERT INTO staff_notice (staff_id, kind, body, created_at, occasion_key) "
      + "VALUES (#{staffId}, #{kind}, #{body}, #{now}, #{occasion})")
  void insert(@Param("staffId") long staffId, @Param("kind") String kind, @Param("body") String body,
      @Param("occasion") String occasionKey, @Param("now") LocalDateTime now);
}
