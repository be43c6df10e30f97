package org.kehou.core.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.kehou.core.testing.SchoolFixture;
import org.kehou.core.testing.SettableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The build's progress as anyone reading the row sees it while it runs: a part added last (as the subsidy sheets will
 * be) sees every earlier part counted and itself named, and its file joins the ZIP and the index.
 */
@SpringBootTest
@Import({SettableClock.Config.class, ArchiveProgressTests.Probe.Config.class})
class ArchiveProgressTests {

  @Autowired JdbcTemplate jdbc;
  @Autowired TermArchives archives;
  @Autowired Probe probe;

  /** An extra part that reads the build's row the moment it is asked to write. */
  static final class Probe implements ArchivePart {

    private final JdbcTemplate jdbc;
    final List<String> seen = new ArrayList<>();

    Probe(JdbcTemplate jdbc) {
      this.jdbc = jdbc;
    }

    @Override
    public String name() {
      return "probe";
    }

    @Override
    public void write(ArchiveScope scope, ArchiveWriter out) throws IOException {
      seen.add(jdbc.queryForObject("SELECT CONCAT(state, ' ', parts_done, '/', parts_total, ' ', current_part) "
          + "FROM term_archive WHERE term_id = ? ORDER BY id DESC LIMIT 1", String.class, scope.term().id()));
      out.text("补助/测试.txt", "探针", "探针\n", 1);
    }

    /** For {@code @Import} only, as SettableClock.Config: a scanned configuration would join every context. */
    static class Config {

      @Bean
      @Order(Integer.MAX_VALUE)
      Probe probe(JdbcTemplate jdbc) {
        return new Probe(jdbc);
      }
    }
  }

  @Test
  void eachPartIsCountedAsItIsWrittenAndANewPartNeedsNothingElse() throws Exception {
    SchoolFixture school = new SchoolFixture(jdbc);
    long admin = school.staff("SCHOOL_ADMIN");
    long id = archives.request(school.schoolId, school.termId, admin).orElseThrow();
    int parts = archives.partCount();

    assertThat(archives.status(school.schoolId, id).orElseThrow().state()).isEqualTo(ArchiveStatus.State.QUEUED);
    assertThat(archives.build(id)).isTrue();

    assertThat(probe.seen).containsExactly("RUNNING " + (parts - 1) + "/" + parts + " probe");
    ArchiveStatus done = archives.status(school.schoolId, id).orElseThrow();
    assertThat(done.partsDone()).isEqualTo(parts);
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    archives.download(done, zip);
    Map<String, String> files = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.toByteArray()), StandardCharsets.UTF_8)) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        files.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    assertThat(files).containsEntry("补助/测试.txt", "探针\n");
    assertThat(files.get("索引.csv")).contains("补助/测试.txt,探针,1");
  }
}
