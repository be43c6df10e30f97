package org.kehou.admin.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.kehou.admin.LifecycleApiTest;
import org.kehou.core.archive.TermArchives;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/** The term archive through the API: the admin starts it, follows its parts, downloads the ZIP; nobody else. */
class ArchiveApiTests extends LifecycleApiTest {

  static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

  @Autowired TermArchives archives;

  @Test
  void theAdminStartsTheArchiveFollowsItsProgressAndDownloadsTheZip() throws Exception {
    Family family = apply(ownClass, "王小明", "NONE");
    activate(family, "王小明");

    ResponseEntity<Map> started = post("/api/v1/terms/" + school.termId + "/archive", admin, null);

    assertThat(started.getStatusCode().value()).isEqualTo(202);
    Number id = (Number) started.getBody().get("archiveId");
    assertThat(started.getHeaders().getLocation().toString()).isEqualTo("/api/v1/archives/" + id);
    int parts = archives.partCount();
    assertThat((Integer) started.getBody().get("partsTotal")).isEqualTo(parts);
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
        .until(() -> "DONE".equals(get("/api/v1/archives/" + id, admin).getBody().get("state")));
    Map<String, Object> done = get("/api/v1/archives/" + id, admin).getBody();
    assertThat(done).containsEntry("partsDone", parts).containsEntry("stateText", "已完成")
        .containsEntry("download", "/api/v1/archives/" + id + "/download");

    ResponseEntity<byte[]> zip = call(HttpMethod.GET, "/api/v1/archives/" + id + "/download", admin, null,
        byte[].class);
    assertThat(zip.getStatusCode().value()).isEqualTo(200);
    assertThat(zip.getHeaders().getContentType().toString()).isEqualTo("application/zip");
    assertThat(zip.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
        .startsWith("attachment; filename=\"term-archive-" + id + ".zip\"; filename*=UTF-8''%E5%AD%A6%E6%9C%9F");
    List<String> names = new ArrayList<>();
    String index = null;
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.getBody()), StandardCharsets.UTF_8)) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        names.add(e.getName());
        byte[] content = in.readAllBytes();
        if (e.getName().equals("索引.csv")) {
          index = new String(content, StandardCharsets.UTF_8);
        }
      }
    }
    assertThat(names).contains("申请与审核/申请与审核记录.xlsx", "委托协议/签署记录.xlsx", "委托协议/SHA256SUMS.txt",
        "公示/公示名单.xlsx", "缺勤个案/缺勤个案.xlsx", "交接/放学交接记录.xlsx", "通知/家长通知.xlsx", "索引.csv");
    assertThat(names.stream().filter(n -> n.startsWith("委托协议/全文/"))).hasSize(1);
    assertThat(names.stream().filter(n -> n.startsWith("出勤/出勤表-"))).isNotEmpty();
    assertThat(index).as("the index names every other file")
        .contains(names.stream().filter(n -> !n.equals("索引.csv")).toArray(String[]::new));
    assertThat(((Number) done.get("files")).intValue()).isEqualTo(names.size());
    List<Map<String, Object>> builds = call(HttpMethod.GET, "/api/v1/terms/" + school.termId + "/archives", admin,
        null, List.class).getBody();
    assertThat(builds).first().satisfies(latest -> assertThat(latest).containsEntry("archiveId", id.intValue())
        .containsEntry("state", "DONE").containsEntry("download", "/api/v1/archives/" + id + "/download"));
  }

  @Test
  void onlyTheAdminArchivesAndAnotherSchoolsTermOrBuildIsNotFound() {
    ResponseEntity<Map> teacher = post("/api/v1/terms/" + school.termId + "/archive", teacherToken, null);
    String otherAdmin = adminToken(newSchool());
    ResponseEntity<Map> stranger = post("/api/v1/terms/" + school.termId + "/archive", otherAdmin, null);
    Number id = (Number) post("/api/v1/terms/" + school.termId + "/archive", admin, null).getBody().get("archiveId");

    assertThat(teacher.getStatusCode().value()).isEqualTo(403);
    assertThat(stranger.getStatusCode().value()).isEqualTo(404);
    assertThat(stranger.getBody()).containsEntry("code", "TERM_NOT_FOUND");
    assertThat(get("/api/v1/archives/" + id, teacherToken).getStatusCode().value()).isEqualTo(403);
    assertThat(get("/api/v1/archives/" + id, otherAdmin).getStatusCode().value()).isEqualTo(404);
    assertThat(get("/api/v1/archives/" + id + "/download", otherAdmin).getStatusCode().value()).isEqualTo(404);
    assertThat(get("/api/v1/terms/" + school.termId + "/archives", teacherToken).getStatusCode().value())
        .isEqualTo(403);
    assertThat(call(HttpMethod.GET, "/api/v1/terms/" + school.termId + "/archives", otherAdmin, null, List.class)
        .getBody()).as("another school's admin lists none of this school's builds").isEmpty();
  }

  /** A build another instance claimed, its heartbeat last moved at {@code heartbeat}. */
  long runningElsewhere(LocalDateTime heartbeat) {
    jdbc.update("INSERT INTO term_archive (school_id, term_id, requested_by, requested_at, state, attempt, owner, "
        + "heartbeat_at, parts_done, parts_total) SELECT school_id, id, (SELECT MIN(id) FROM staff WHERE school_id = ?), "
        + "?, 'RUNNING', 1, 'admin-elsewhere', ?, 3, ? FROM term WHERE id = ?", school.schoolId, heartbeat, heartbeat,
        archives.partCount(), school.termId);
    return jdbc.queryForObject("SELECT MAX(id) FROM term_archive WHERE term_id = ?", Long.class, school.termId);
  }

  @Test
  void aBuildNotDoneYetCannotBeDownloaded() {
    long id = runningElsewhere(LocalDateTime.now(BEIJING));

    ResponseEntity<Map> early = get("/api/v1/archives/" + id + "/download", admin);

    assertThat(early.getStatusCode().value()).isEqualTo(409);
    assertThat(early.getBody()).containsEntry("code", "ARCHIVE_NOT_READY");
    assertThat((String) early.getBody().get("detail")).contains("3/" + archives.partCount());
    assertThat(get("/api/v1/archives/" + id, admin).getBody()).containsEntry("state", "RUNNING")
        .containsEntry("partsDone", 3).containsEntry("partsTotal", archives.partCount());
    assertThat(jdbc.queryForObject("SELECT attempt FROM term_archive WHERE id = ?", Integer.class, id))
        .as("its instance is alive: nobody takes it over").isEqualTo(1);
  }

  @Test
  void aBuildWhoseInstanceStoppedIsTakenOverWhenAskedAbout() {
    long id = runningElsewhere(LocalDateTime.now(BEIJING).minusMinutes(10));

    assertThat(get("/api/v1/archives/" + id, admin).getBody()).containsEntry("state", "RUNNING");

    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
        .until(() -> "DONE".equals(get("/api/v1/archives/" + id, admin).getBody().get("state")));
    assertThat(jdbc.queryForObject("SELECT attempt FROM term_archive WHERE id = ?", Integer.class, id)).isEqualTo(2);
    assertThat(call(HttpMethod.GET, "/api/v1/archives/" + id + "/download", admin, null, byte[].class)
        .getStatusCode().value()).isEqualTo(200);
  }
}
