package org.kehou.bot.demo;

import java.time.LocalDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;
import org.kehou.core.cache.Invalidates;
import org.kehou.core.cache.Region;

/** Queries the simulator needs and that no production feature has. */
@Mapper
interface DemoMapper {

  /** {@code qrUrl}: the QR code of the guardian's printed slip, once the bot has created it. */
  record DemoGuardian(long id, String name, String children, String code, String qrUrl) {
  }

  @Select("SELECT g.id, g.name, "
      + "GROUP_CONCAT(CONCAT(s.name, ' ', c.name) ORDER BY s.student_no SEPARATOR ', ') AS children, "
      + "(SELECT b.code FROM binding_code b WHERE b.guardian_id = g.id AND b.revoked_at IS NULL "
      + " ORDER BY b.id DESC LIMIT 1) AS code, "
      + "(SELECT q.url FROM binding_slip_qr q JOIN binding_code b ON b.id = q.binding_code_id "
      + " WHERE b.guardian_id = g.id AND b.live = 1 AND q.state = 'READY') AS qr_url "
      + "FROM guardian g JOIN student_guardian sg ON sg.guardian_id = g.id JOIN student s ON s.id = sg.student_id "
      + "JOIN school_class c ON c.id = s.class_id "
      + "GROUP BY g.id, g.name ORDER BY MIN(s.student_no), g.id")
  List<DemoGuardian> guardians();

  /**
   * Moves the end of the running publicity windows of the guardian's children's applications to {@code now}, as if
   * the days had passed.
   */
  @Invalidates(Region.ENROLMENT)
  @Update("UPDATE application SET publicity_ends_at = #{now} "
      + "WHERE state = 'IN_PUBLICITY' AND publicity_ends_at > #{now} AND student_id IN "
      + "(SELECT sg.student_id FROM student_guardian sg WHERE sg.guardian_id = #{guardianId})")
  int endPublicity(@Param("guardianId") long guardianId, @Param("now") LocalDateTime now);
}
