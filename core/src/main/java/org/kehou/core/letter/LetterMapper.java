package org.kehou.core.letter;

import java.util.Optional;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
interface LetterMapper {

  /** The archive keeps the first copy of a text; a re-render of the same text changes nothing. */
  @Insert("INSERT INTO letter_version (term_id, template_version, sha256, body) "
      + "VALUES (#{termId}, #{templateVersion}, #{sha256}, #{body}) ON DUPLICATE KEY UPDATE id = id")
  void archive(@Param("termId") long termId, @Param("templateVersion") String templateVersion,
      @Param("sha256") String sha256, @Param("body") String body);

  @Select("SELECT id FROM letter_version WHERE term_id = #{termId} AND sha256 = #{sha256}")
  Optional<Long> versionId(@Param("termId") long termId, @Param("sha256") String sha256);

  @Insert("INSERT INTO letter_receipt (letter_version_id, guardian_id, openid) "
      + "VALUES (#{versionId}, #{guardianId}, #{openid}) ON DUPLICATE KEY UPDATE id = id")
  int insertReceipt(@Param("versionId") long versionId, @Param("guardianId") long guardianId,
      @Param("openid") String openid);

  @Select("SELECT COUNT(*) > 0 FROM letter_receipt r JOIN letter_version v ON v.id = r.letter_version_id "
      + "WHERE v.term_id = #{termId} AND v.sha256 = #{sha256} AND r.guardian_id = #{guardianId}")
  boolean hasReceipt(@Param("termId") long termId, @Param("sha256") String sha256,
      @Param("guardianId") long guardianId);
}
