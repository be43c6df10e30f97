package org.kehou.bot.demo;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** Read-mostly queries the simulator needs and that no production feature has. */
@Mapper
interface DemoMapper {

  record DemoGuardian(long id, String name, String children, String code) {
  }

  record DemoApplication(long id, String student, String className, String state, LocalDateTime publicityEndsAt) {
  }

  record DemoStaff(long id, long schoolId, String role) {
  }

  @Select("SELECT g.id, g.name, "
      + "GROUP_CONCAT(CONCAT(s.name, ' ', c.name) ORDER BY s.student_no SEPARATOR ', ') AS children, "
      + "(SELECT b.code FROM binding_code b WHERE b.guardian_id = g.id AND b.revoked_at IS NULL "
      + " ORDER BY b.id DESC LIMIT 1) AS code "
      + "FROM guardian g JOIN student_guardian sg ON sg.guardian_id = g.id JOIN student s ON s.id = sg.student_id "
      + "JOIN school_class c ON c.id = s.class_id "
      + "GROUP BY g.id, g.name ORDER BY MIN(s.student_no), g.id")
  List<DemoGuardian> guardians();

  @Select("SELECT a.id, s.name AS student, c.name AS class_name, a.state, a.publicity_ends_at "
      + "FROM application a JOIN student s ON s.id = a.student_id JOIN school_class c ON c.id = s.class_id "
      + "ORDER BY a.id")
  List<DemoApplication> applications();

  @Select("SELECT id, school_id, role FROM staff WHERE username = #{username} AND active")
  Optional<DemoStaff> staff(String username);

  @Select("SELECT MAX(id) FROM term")
  Long latestTerm();

  /** Moves the end of every running publicity window to {@code now}, as if the days had passed. */
  @Update("UPDATE application SET publicity_ends_at = #{now} WHERE state = 'IN_PUBLICITY' AND publicity_ends_at > #{now}")
  int endPublicity(@Param("now") LocalDateTime now);
}
