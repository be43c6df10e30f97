package org.kehou.core.rollcall;

import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;

@Mapper
interface RollCallStaffMapper {

  @Select("SELECT id FROM staff WHERE school_id = #{schoolId} AND role = 'SCHOOL_ADMIN' AND active ORDER BY id")
  List<Long> admins(long schoolId);
}
