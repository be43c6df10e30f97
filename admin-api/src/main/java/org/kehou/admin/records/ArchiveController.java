package org.kehou.admin.records;

import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.kehou.admin.web.ApiException;
import org.kehou.core.archive.ArchiveStatus;
import org.kehou.core.archive.TermArchives;
import org.kehou.core.school.SchoolMapper;
import org.kehou.core.staff.Staff;
import org.kehou.core.text.Texts;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The term archive (school admin only): requested, followed while it builds in the background, downloaded as a ZIP
 * once done. Any instance answers for any build; one that finds a build abandoned by its instance takes it over.
 */
@RestController
class ArchiveController {

  /** How many of a term's builds the list shows. */
  static final int RECENT = 5;

  /** A build as the admin follows it; {@code download} is set once it is done. */
  record ArchiveView(long archiveId, long termId, ArchiveStatus.State state, String stateText, int partsDone,
      int partsTotal, String currentPart, LocalDateTime requestedAt, LocalDateTime startedAt,
      LocalDateTime finishedAt, Integer files, Long sizeBytes, String download) {
  }

  private final TermArchives archives;
  private final ArchiveRunner runner;
  private final SchoolMapper schools;
  private final Texts texts;

  ArchiveController(TermArchives archives, ArchiveRunner runner, SchoolMapper schools, Texts texts) {
    this.archives = archives;
    this.runner = runner;
    this.schools = schools;
    this.texts = texts;
  }

  @Operation(summary = "Start building the term's archive (school admin): 202 with the build's id; follow it with "
      + "GET /api/v1/archives/{id}")
  @PostMapping("/api/v1/terms/{id}/archive")
  ResponseEntity<ArchiveView> request(Staff me, @PathVariable long id) {
    admin(me);
    long archiveId = archives.request(me.schoolId(), id, me.id())
        .orElseThrow(() -> ApiException.notFound("TERM_NOT_FOUND", "records.staff.termNotFound"));
    runner.submit(archiveId);
    return ResponseEntity.accepted().location(URI.create("/api/v1/archives/" + archiveId))
        .body(view(find(me, archiveId)));
  }

  @Operation(summary = "A term archive's build: state, parts done of the total, and the download link once done")
  @GetMapping("/api/v1/archives/{id}")
  ArchiveView status(Staff me, @PathVariable long id) {
    admin(me);
    ArchiveStatus status = find(me, id);
    if (archives.abandoned(status)) {
      runner.submit(id); // its instance stopped: this one takes it over, if nobody else claims it first
    }
    return view(status);
  }

  @Operation(summary = "The term's latest archive builds, newest first (school admin)")
  @GetMapping("/api/v1/terms/{id}/archives")
  List<ArchiveView> ofTerm(Staff me, @PathVariable long id) {
    admin(me);
    return archives.ofTerm(me.schoolId(), id, RECENT).stream().map(this::view).toList();
  }

  @Operation(summary = "The finished term archive (ZIP)")
  @GetMapping("/api/v1/archives/{id}/download")
  ResponseEntity<StreamingResponseBody> download(Staff me, @PathVariable long id) {
    admin(me);
    ArchiveStatus status = find(me, id);
    if (status.state() == ArchiveStatus.State.FAILED) {
      throw new ApiException(HttpStatus.CONFLICT, "ARCHIVE_FAILED", "records.staff.archiveFailed");
    }
    if (status.state() != ArchiveStatus.State.DONE) {
      throw new ApiException(HttpStatus.CONFLICT, "ARCHIVE_NOT_READY", "records.staff.archiveNotReady",
          Map.of("done", status.partsDone(), "total", status.partsTotal()));
    }
    String term = schools.findTerm(status.termId()).orElseThrow().name();
    return Downloads.<StreamingResponseBody>file(Downloads.ZIP, "term-archive-" + id + ".zip",
        texts.message("records.download.archive", Map.of("term", term, "id", id)),
        out -> archives.download(status, out));
  }

  private ArchiveStatus find(Staff me, long id) {
    return archives.status(me.schoolId(), id)
        .orElseThrow(() -> ApiException.notFound("ARCHIVE_NOT_FOUND", "records.staff.archiveNotFound"));
  }

  private ArchiveView view(ArchiveStatus s) {
    return new ArchiveView(s.id(), s.termId(), s.state(), texts.message("archive.state." + s.state().name()),
        s.partsDone(), s.partsTotal(), s.currentPart(), s.requestedAt(), s.startedAt(), s.finishedAt(), s.files(),
        s.sizeBytes(), s.state() == ArchiveStatus.State.DONE ? "/api/v1/archives/" + s.id() + "/download" : null);
  }

  private static void admin(Staff me) {
    if (!me.isAdmin()) {
      throw ApiException.forbidden();
    }
  }
}
