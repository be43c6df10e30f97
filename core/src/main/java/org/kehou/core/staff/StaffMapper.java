package org.kehou.core.staff;

import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;
import org.kehou.core.GeneratedId;

@Mapper
public interface StaffMapper {

  String COLUMNS = "id, school_id, username, display_name, role, active";

  @Select("SELECT " + COLUMNS + " FROM staff WHERE id = #{id}")
  Optional<Staff> findById(long id);

  @Select("SELECT " + COLUMNS + " FROM staff WHERE school_id = #{schoolId} ORDER BY id")
  List<Staff> listBySchool(long schoolId);

  @Select("SELECT COUNT(*) > 0 FROM staff WHERE school_id = #{schoolId} AND role = 'SCHOOL_ADMIN' AND active")
  boolean hasActiveAdmin(long schoolId);

  @Select("SELECT COUNT(*) > 0 FROM staff WHERE username = #{username}")
  boolean usernameTaken(String username);

  @Select("SELECT id, password_hash FROM staff WHERE username = #{username} AND active")
  Optional<Credentials> findCredentials(String username);

  @Insert("INSERT INTO staff (school_id, username, display_name, password_hash, role) "
      + "VALUES (#{schoolId}, #{username}, #{displayName}, #{passwordHash}, #{role})")
  @Options(useGeneratedKeys = true, keyProperty = "key.id")
  void insert(@Param("schoolId") long schoolId, @Param("username") String username,
      @Param("displayName") String displayName, @Param("passwordHash") String passwordHash,
      @Param("role") StaffRole role, @Param("key") GeneratedId key);

  @Update("UPDATE staff SET active = #{active} WHERE id = #{id}")
  int setActive(@Param("id") long id, @Param("active") boolean active);

  @Update("UPDATE staff SET password_hash = #{passwordHash} WHERE id = #{id}")
  int setPasswordHash(@Param("id") long id, @Param("passwordHash") String passwordHash);

  record Credentials(long id, String passwordHash) {
  }
}
