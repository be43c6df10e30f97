package org.kehou.core.calendar;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;
import org.kehou.core.GeneratedId;
import org.kehou.core.school.SchoolMapper;
import org.kehou.core.school.Term;

@Mapper
interface CalendarMapper {

  String ENTRY = "SELECT id, term_id, day AS date, kind, runs_as, note, notify_at, notified_at FROM calendar_day ";

  @Select(ENTRY + "WHERE term_id = #{termId} AND live = 1 AND day BETWEEN #{from} AND #{to} ORDER BY day")
  List<CalendarEntry> entries(@Param("termId") long termId, @Param("from") LocalDate from,
      @Param("to") LocalDate to);

  @Select(ENTRY + "WHERE id = #{id}")
  Optional<CalendarEntry> find(long id);

  /** The live entry, locked until the transaction ends: a change and the job telling its guardians take turns. */
  @Select(ENTRY + "WHERE id = #{id} AND term_id = #{termId} AND live = 1 FOR UPDATE")
  Optional<CalendarEntry> lock(@Param("id") long id, @Param("termId") long termId);

  @Select(ENTRY + "WHERE term_id = #{termId} AND day = #{day} AND live = 1 FOR UPDATE")
  Optional<CalendarEntry> lockOn(@Param("termId") long termId, @Param("day") LocalDate day);

  @Insert("INSERT INTO calendar_day (school_id, term_id, day, kind, runs_as, note, notify_at, created_by, created_at) "
      + "VALUES (#{schoolId}, #{termId}, #{d.date}, #{d.kind}, #{d.runsAs}, #{d.note}, #{notifyAt}, #{staffId}, #{now})")
  @Options(useGeneratedKeys = true, keyProperty = "key.id")
  void insert(@Param("schoolId") long schoolId, @Param("termId") long termId, @Param("d") EntryDraft draft,
      @Param("notifyAt") LocalDateTime notifyAt, @Param("staffId") Long staffId, @Param("now") LocalDateTime now,
      @Param("key") GeneratedId key);

  @Update("UPDATE calendar_day SET note = #{note}, changed_by = #{staffId}, changed_at = #{now} WHERE id = #{id}")
  void changeNote(@Param("id") long id, @Param("note") String note, @Param("staffId") Long staffId,
      @Param("now") LocalDateTime now);

  /** Kept for the record, no longer live. */
  @Update("UPDATE calendar_day SET live = NULL, removed_by = #{staffId}, removed_at = #{now} WHERE id = #{id} "
      + "AND live = 1")
  void remove(@Param("id") long id, @Param("staffId") Long staffId, @Param("now") LocalDateTime now);

  @Update("UPDATE calendar_day SET notified_at = #{now} WHERE id = #{id}")
  void notified(@Param("id") long id, @Param("now") LocalDateTime now);

  /** A day already past is not told any more (the job may have been down over it). */
  @Select("SELECT id FROM calendar_day WHERE notified_at IS NULL AND notify_at <= #{now} AND live = 1 "
      + "AND kind = 'CANCELLED' AND day >= DATE(#{now}) ORDER BY notify_at, id")
  List<Long> dueCancellations(LocalDateTime now);

  @Select("SELECT " + SchoolMapper.TERM_COLUMNS + " FROM term WHERE school_id = #{schoolId} AND starts_on <= #{day} "
      + "AND ends_on >= #{day} ORDER BY starts_on DESC LIMIT 1")
  Optional<Term> termOn(@Param("schoolId") long schoolId, @Param("day") LocalDate day);

  @Select("SELECT " + SchoolMapper.TERM_COLUMNS + " FROM term WHERE ends_on >= #{day} ORDER BY id")
  List<Term> termsNotOver(LocalDate day);

  /** 0 when the notice was queued already (by this or another node): the caller then queues nothing. */
  @Insert("INSERT IGNORE INTO season_notice (term_id, switch_on, ends_at, queued_at) "
      + "VALUES (#{termId}, #{switchOn}, #{endsAt}, #{now})")
  int claimSeasonNotice(@Param("termId") long termId, @Param("switchOn") LocalDate switchOn,
      @Param("endsAt") LocalTime endsAt, @Param("now") LocalDateTime now);

  /**
   * The guardians whose message of one logical notice (its dedup key, each row's key being that, a colon and the
   * openid) went out or is going out right now: they have read it, or may have.
   */
  @Select("SELECT DISTINCT guardian_id FROM outbox_message WHERE dedup_key LIKE CONCAT(#{key}, ':%') "
      + "AND state IN ('SENT', 'SENDING') ORDER BY guardian_id")
  List<Long> toldGuardians(String key);
}
