package org.kehou.core.school;

import java.time.LocalDate;
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
public interface SchoolMapper {

  @Select("SELECT id, code, name FROM school WHERE id = #{id}")
  Optional<School> findSchool(long id);

  @Select("SELECT id, code, name FROM school WHERE code = #{code}")
  Optional<School> findSchoolByCode(String code);

  @Invalidates(Region.TERMS)
  @Insert("INSERT INTO school (code, name) VALUES (#{code}, #{name})")
  @Options(useGeneratedKeys = true, keyProperty = "key.id")
  void insertSchool(@Param("code") String code, @Param("name") String name, @Param("key") GeneratedId key);

  String TERM_COLUMNS = "id, school_id, name, starts_on, ends_on, summer_starts_on, summer_ends_on, session_starts_at, "
      + "winter_ends_at, summer_ends_at, fee_per_lesson_fen, publicity_days, sign_within_days";

  @Select("SELECT " + TERM_COLUMNS + " FROM term WHERE id = #{id}")
  Optional<Term> findTerm(long id);

  @Select("SELECT " + TERM_COLUMNS + " FROM term WHERE school_id = #{schoolId} ORDER BY starts_on DESC")
  List<Term> listTerms(long schoolId);

  /** Schools with a term overlapping the days: those whose month the month-end job settles (fees, subsidy sheets). */
  @Select("SELECT DISTINCT school_id FROM term WHERE starts_on <= #{to} AND ends_on >= #{from}")
  List<Long> schoolsWithTermIn(@Param("from") LocalDate from, @Param("to") LocalDate to);

  /** The term running on a day, else the next one to start (parents apply before the term opens). */
  @Select("SELECT " + TERM_COLUMNS + " FROM term WHERE school_id = #{schoolId} AND ends_on >= #{day} "
      + "ORDER BY (starts_on <= #{day}) DESC, starts_on LIMIT 1")
  Optional<Term> findCurrentTerm(@Param("schoolId") long schoolId, @Param("day") LocalDate day);

  @Invalidates(Region.TERMS)
  @Insert("INSERT INTO term (school_id, name, starts_on, ends_on, summer_starts_on, summer_ends_on, session_starts_at, "
      + "winter_ends_at, summer_ends_at, fee_per_lesson_fen, publicity_days, sign_within_days) VALUES (#{t.schoolId}, #{t.name}, #{t.startsOn}, "
      + "#{t.endsOn}, #{t.summerStartsOn}, #{t.summerEndsOn}, #{t.sessionStartsAt}, #{t.winterEndsAt}, #{t.summerEndsAt}, "
      + "#{t.feePerLessonFen}, #{t.publicityDays}, #{t.signWithinDays})")
  @Options(useGeneratedKeys = true, keyProperty = "key.id")
  void insertTerm(@Param("t") Term term, @Param("key") GeneratedId key);

  /** Everything but the school: an admin's edit. Returns the rows changed (0 when the term is not the school's). */
  @Invalidates(Region.TERMS)
  @Update("UPDATE term SET name = #{t.name}, starts_on = #{t.startsOn}, ends_on = #{t.endsOn}, "
      + "summer_starts_on = #{t.summerStartsOn}, summer_ends_on = #{t.summerEndsOn}, "
      + "session_starts_at = #{t.sessionStartsAt}, winter_ends_at = #{t.winterEndsAt}, summer_ends_at = #{t.summerEndsAt}, "
      + "fee_per_lesson_fen = #{t.feePerLessonFen}, publicity_days = #{t.publicityDays}, "
      + "sign_within_days = #{t.signWithinDays} WHERE id = #{t.id} AND school_id = #{t.schoolId}")
  int updateTerm(@Param("t") Term term);
}
