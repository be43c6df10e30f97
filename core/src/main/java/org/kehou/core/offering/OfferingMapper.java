package org.kehou.core.offering;

import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;
import org.kehou.core.GeneratedId;
import org.kehou.core.cache.Invalidates;
import org.kehou.core.cache.Region;

@Mapper
public interface OfferingMapper {

  /** seats_taken counts the seats held: seated children and seats offered from the waitlist, not yet answered. */
  String SELECT = "SELECT o.id, o.school_id, o.term_id, o.name, o.kind, o.weekdays, o.grades, o.capacity, o.room, "
      + "o.teacher_id, o.starts_at, o.ends_at, o.status, (SELECT COUNT(*) FROM application_choice ac "
      + "WHERE ac.offering_id = o.id AND ac.status IN ('SEATED', 'OFFERED')) AS seats_taken, o.allocation, "
      + "o.closes_at, o.drawn_at FROM offering o ";

  @Select(SELECT + "WHERE o.id = #{id}")
  Optional<Offering> findById(long id);

  @Select(SELECT + "WHERE o.term_id = #{termId} ORDER BY o.kind, o.name")
  List<Offering> listByTerm(long termId);

  /** Seat-taking locks the offering row too, so a count read under this lock stays true until commit. */
  @Select("SELECT id FROM offering WHERE id = #{id} FOR UPDATE")
  Long lock(long id);

  @Invalidates(Region.ENROLMENT)
  @Insert("INSERT INTO offering (school_id, term_id, name, kind, weekdays, grades, capacity, room, teacher_id, "
      + "starts_at, ends_at, allocation, closes_at) VALUES (#{schoolId}, #{termId}, #{d.name}, #{d.kind}, "
      + "#{d.weekdays}, #{d.grades}, #{d.capacity}, #{d.room}, #{d.teacherId}, #{d.startsAt}, #{d.endsAt}, "
      + "#{d.allocation}, #{d.closesAt})")
  @Options(useGeneratedKeys = true, keyProperty = "key.id")
  void insert(@Param("schoolId") long schoolId, @Param("termId") long termId, @Param("d") OfferingDraft draft,
      @Param("key") GeneratedId key);

  @Invalidates(Region.ENROLMENT)
  @Update("UPDATE offering SET name = #{d.name}, kind = #{d.kind}, weekdays = #{d.weekdays}, grades = #{d.grades}, "
      + "capacity = #{d.capacity}, room = #{d.room}, teacher_id = #{d.teacherId}, starts_at = #{d.startsAt}, "
      + "ends_at = #{d.endsAt}, allocation = #{d.allocation}, closes_at = #{d.closesAt} WHERE id = #{id}")
  void update(@Param("id") long id, @Param("d") OfferingDraft draft);

  /** Whether any live choice names the offering: its allocation mode is then fixed (see OfferingService#update). */
  @Select("SELECT EXISTS (SELECT 1 FROM application_choice WHERE offering_id = #{id} AND status <> 'RELEASED')")
  boolean hasChoices(long id);

  @Invalidates(Region.ENROLMENT)
  @Update("UPDATE offering SET status = 'CLOSED' WHERE id = #{id}")
  void close(long id);
}
