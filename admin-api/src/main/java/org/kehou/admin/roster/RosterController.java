package org.kehou.admin.roster;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Map;
import org.kehou.admin.auth.Access;
import org.kehou.admin.web.Problems;
import org.kehou.core.roster.RosterImportResult;
import org.kehou.core.roster.RosterImportService;
import org.kehou.core.roster.RosterRejectedException;
import org.kehou.core.staff.Staff;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
class RosterController {

  private final RosterImportService roster;
  private final Problems problems;
  private final RosterUpload upload;

  RosterController(RosterImportService roster, Problems problems, RosterUpload upload) {
    this.roster = roster;
    this.problems = problems;
    this.upload = upload;
  }

  @Operation(summary = "Import the roster CSV (UTF-8 with or without BOM, or GBK) sent as the raw body; the file is "
      + "the whole roster of the classes it names (links it no longer has are removed); preview=true only reports")
  @PostMapping(path = "/api/v1/roster/import",
      consumes = {"text/csv", "text/plain", "application/csv", "application/vnd.ms-excel", "application/octet-stream"})
  @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
      content = @Content(mediaType = "text/csv", schema = @Schema(type = "string", format = "binary")))
  RosterImportResult importRaw(Staff me, HttpServletRequest request,
      @RequestParam(defaultValue = "false") boolean preview) throws IOException {
    Access.requireAdmin(me);
    return run(me, upload.read(request.getInputStream()), preview);
  }

  @Operation(summary = "Import the roster CSV uploaded as the multipart field 'file'; preview=true only reports")
  @PostMapping(path = "/api/v1/roster/import", consumes = "multipart/form-data")
  RosterImportResult importUpload(Staff me, @RequestPart("file") MultipartFile file,
      @RequestParam(defaultValue = "false") boolean preview) throws IOException {
    Access.requireAdmin(me);
    return run(me, file.getBytes(), preview);
  }

  private RosterImportResult run(Staff me, byte[] file, boolean preview) {
    return preview ? roster.preview(me.schoolId(), file) : roster.importCsv(me.schoolId(), file);
  }

  @ExceptionHandler(RosterRejectedException.class)
  ResponseEntity<ProblemDetail> rejected(RosterRejectedException e) {
    ProblemDetail problem = problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "ROSTER_REJECTED", "roster.rejected",
        Map.of("count", e.errors().size()));
    problem.setProperty("errors", e.errors());
    return ResponseEntity.unprocessableContent().body(problem);
  }
}
