package org.kehou.core.staff;

import java.time.LocalDateTime;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface StaffAlertMapper {

  /** 0 when this staff member was told of this occasion already. */
  @Insert("INSERT INTO staff_notice (staff_id, kind, body, created_at, occasion_key) "
      + "VALUES (#{staffId}, #{kind}, #{body}, #{now}, #{occasion}) ON DUPLICATE KEY UPDATE id = id")
  int insertOnce(@Param("staffId") long staffId, @Param("kind") String kind, @Param("body") String body,
      @Param("occasion") String occasionKey, @Param("now") LocalDateTime now);
}
