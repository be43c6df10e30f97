package org.kehou.core.pickup;

import java.time.LocalDateTime;
import java.util.Collection;
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
interface PickupMapper {

  record Child(long id, long schoolId, String name, String className, Long classTeacherId) {
  }

  @Select("SELECT s.id, s.school_id, s.name, c.name AS class_name, c.class_teacher_id FROM student s "
      + "JOIN school_class c ON c.id = s.class_id WHERE s.id = #{id}")
  Optional<Child> child(long studentId);

  /** Serialises changes to one child's list: two guardians adding at once both see the other's adult. */
  @Select("SELECT id FROM student WHERE id = #{id} FOR UPDATE")
  Long lockChild(long studentId);

  @Select("SELECT g.id, TRUE AS guardian, g.name, sg.relation, g.phone, NULL AS added_by, NULL AS added_by_name, "
      + "NULL AS added_at, NULL AS removed_by, NULL AS removed_by_name, NULL AS removed_at "
      + "FROM student_guardian sg JOIN guardian g ON g.id = sg.guardian_id WHERE sg.student_id = #{id} ORDER BY g.id")
  List<PickupAdult> guardians(long studentId);

  String ADDED = "SELECT p.id, FALSE AS guardian, p.name, p.relation, p.phone, p.added_by, a.name AS added_by_name, "
      + "p.added_at, p.removed_by, r.name AS removed_by_name, p.removed_at FROM pickup_adult p "
      + "JOIN guardian a ON a.id = p.added_by LEFT JOIN guardian r ON r.id = p.removed_by WHERE p.student_id = #{id} ";

  @Select(ADDED + "AND p.live = 1 ORDER BY p.id")
  List<PickupAdult> liveAdded(long studentId);

  @Select(ADDED + "ORDER BY p.id")
  List<PickupAdult> allAdded(long studentId);

  /** Who may collect a child, for many children at once: the guardians first, then the adults added, in order. */
  record Collector(long studentId, long id, boolean guardian, String name, String relation) {
  }

  @Select("<script>SELECT c.student_id, c.id, c.guardian, c.name, c.relation FROM ("
      + "SELECT sg.student_id, g.id, TRUE AS guardian, g.name, sg.relation FROM student_guardian sg "
      + "JOIN guardian g ON g.id = sg.guardian_id WHERE sg.student_id IN "
      + "<foreach item='id' collection='ids' open='(' separator=',' close=')'>#{id}</foreach> "
      + "UNION ALL SELECT p.student_id, p.id, FALSE AS guardian, p.name, p.relation FROM pickup_adult p "
      + "WHERE p.live = 1 AND p.student_id IN "
      + "<foreach item='id' collection='ids' open='(' separator=',' close=')'>#{id}</foreach>) c "
      + "ORDER BY c.student_id, c.guardian DESC, c.id</script>")
  List<Collector> collectorsOf(@Param("ids") Collection<Long> studentIds);

  @Select("SELECT name FROM guardian WHERE id = #{id}")
  String guardianName(long guardianId);

  @Insert("INSERT INTO pickup_adult (school_id, student_id, name, relation, phone, added_by, added_at) "
      + "VALUES (#{schoolId}, #{studentId}, #{a.name}, #{a.relation}, #{a.phone}, #{guardianId}, #{now})")
  @Options(useGeneratedKeys = true, keyProperty = "key.id")
  void insert(@Param("schoolId") long schoolId, @Param("studentId") long studentId, @Param("a") NewPickupAdult adult,
      @Param("guardianId") long guardianId, @Param("now") LocalDateTime now, @Param("key") GeneratedId key);

  @Update("UPDATE pickup_adult SET live = NULL, removed_by = #{guardianId}, removed_at = #{now} "
      + "WHERE id = #{id} AND live = 1")
  int remove(@Param("id") long id, @Param("guardianId") long guardianId, @Param("now") LocalDateTime now);
}
