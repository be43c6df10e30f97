package org.kehou.core.rollcall;

import java.time.LocalDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
interface RollCallStaffMapper {

  @Insert("INSERT INTO staff_notice (staff_id, kind, body, created_at) VALUES (#{staffId}, #{kind}, #{body}, #{now})")
  void notice(@Param("staffId") long staffId, @Param("kind") String kind, @Param("body") String body,
      @Param("now") LocalDateTime now);

  @Select("SELECT id FROM staff WHERE school_id = #{schoolId} AND role = 'SCHOOL_ADMIN' AND active ORDER BY id")
  List<Long> admins(long schoolId);
}
