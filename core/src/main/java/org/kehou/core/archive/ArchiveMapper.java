package org.kehou.core.archive;

import java.io.InputStream;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;
import org.kehou.core.GeneratedId;

@Mapper
interface ArchiveMapper {

  @Insert("INSERT INTO term_archive (school_id, term_id, requested_by, requested_at, state, parts_total) "
      + "VALUES (#{schoolId}, #{termId}, #{by}, #{now}, 'QUEUED', #{parts})")
  @Options(useGeneratedKeys = true, keyProperty = "key.id")
  void insert(@Param("schoolId") long schoolId, @Param("termId") long termId, @Param("by") long staffId,
      @Param("now") LocalDateTime now, @Param("parts") int parts, @Param("key") GeneratedId key);

  String STATUS_COLUMNS = "id, school_id, term_id, requested_by, requested_at, state, parts_done, parts_total, "
      + "current_part, started_at, finished_at, files, size_bytes, heartbeat_at, attempt";

  @Select("SELECT " + STATUS_COLUMNS + " FROM term_archive WHERE id = #{id}")
  Optional<ArchiveStatus> find(long id);

  @Select("SELECT " + STATUS_COLUMNS + " FROM term_archive WHERE school_id = #{schoolId} AND term_id = #{termId} "
      + "ORDER BY id DESC LIMIT #{limit}")
  List<ArchiveStatus> ofTerm(@Param("schoolId") long schoolId, @Param("termId") long termId, @Param("limit") int limit);

  /**
   * Takes the build for one attempt: a queued one, or one whose owner stopped beating before {@code stale}. 1 for the
   * one caller that gets it, on any instance; 0 for everyone else.
   */
  @Update("UPDATE term_archive SET state = 'RUNNING', attempt = attempt + 1, owner = #{owner}, heartbeat_at = #{now}, "
      + "started_at = #{now}, parts_done = 0, current_part = NULL WHERE id = #{id} AND (state = 'QUEUED' "
      + "OR (state = 'RUNNING' AND heartbeat_at < #{stale}))")
  int claim(@Param("id") long id, @Param("owner") String owner, @Param("now") LocalDateTime now,
      @Param("stale") LocalDateTime stale);

  /** 0 when another attempt took the build over: this one stops. */
  @Update("UPDATE term_archive SET parts_done = #{done}, current_part = #{part}, heartbeat_at = #{now} "
      + "WHERE id = #{id} AND attempt = #{attempt} AND state = 'RUNNING'")
  int progress(@Param("id") long id, @Param("attempt") int attempt, @Param("done") int done,
      @Param("part") String part, @Param("now") LocalDateTime now);

  @Update("UPDATE term_archive SET heartbeat_at = #{now} WHERE id = #{id} AND attempt = #{attempt} "
      + "AND state = 'RUNNING'")
  int heartbeat(@Param("id") long id, @Param("attempt") int attempt, @Param("now") LocalDateTime now);

  @Insert("INSERT INTO term_archive_chunk (archive_id, attempt, seq, data) VALUES (#{id}, #{attempt}, #{seq}, #{data})")
  void chunk(@Param("id") long id, @Param("attempt") int attempt, @Param("seq") int seq, @Param("data") byte[] data);

  @Update("UPDATE term_archive SET state = 'DONE', parts_done = parts_total, current_part = NULL, finished_at = #{now}, "
      + "heartbeat_at = #{now}, files = #{files}, size_bytes = #{size} WHERE id = #{id} AND attempt = #{attempt} "
      + "AND state = 'RUNNING'")
  int done(@Param("id") long id, @Param("attempt") int attempt, @Param("files") int files,
      @Param("size") long size, @Param("now") LocalDateTime now);

  @Update("UPDATE term_archive SET state = 'FAILED', finished_at = #{now}, error = #{error} WHERE id = #{id} "
      + "AND attempt = #{attempt} AND state = 'RUNNING'")
  int failed(@Param("id") long id, @Param("attempt") int attempt, @Param("error") String error,
      @Param("now") LocalDateTime now);

  /** The chunks of attempts that did not finish the build. */
  @Delete("DELETE FROM term_archive_chunk WHERE archive_id = #{id} AND attempt <> #{keep}")
  void dropOtherAttempts(@Param("id") long id, @Param("keep") int attempt);

  @Select("SELECT seq FROM term_archive_chunk WHERE archive_id = #{id} AND attempt = #{attempt} ORDER BY seq")
  List<Integer> chunks(@Param("id") long id, @Param("attempt") int attempt);

  @Select("SELECT data FROM term_archive_chunk WHERE archive_id = #{id} AND attempt = #{attempt} AND seq = #{seq}")
  InputStream data(@Param("id") long id, @Param("attempt") int attempt, @Param("seq") int seq);
}
