package org.kehou.admin.calendar;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.kehou.admin.auth.Access;
import org.kehou.admin.web.Problems;
import org.kehou.core.calendar.CalendarEntry;
import org.kehou.core.calendar.CalendarImportResult;
import org.kehou.core.calendar.CalendarImportService;
import org.kehou.core.calendar.CalendarRefused;
import org.kehou.core.calendar.CalendarRejectedException;
import org.kehou.core.calendar.CalendarService;
import org.kehou.core.calendar.ServiceDay;
import org.kehou.core.staff.Staff;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** A term's calendar: every staff member reads it, the school admin keeps it. */
@RestController
class CalendarController {

  private final CalendarService calendar;
  private final CalendarImportService imports;
  private final Problems problems;

  CalendarController(CalendarService calendar, CalendarImportService imports, Problems problems) {
    this.calendar = calendar;
    this.imports = imports;
    this.problems = problems;
  }

  @Operation(summary = "The term's calendar entries (holidays, breaks, 调休 days, cancellations) between from and to "
      + "(default: the term's dates)")
  @GetMapping("/api/v1/terms/{termId}/calendar")
  List<CalendarEntry> entries(Staff me, @PathVariable long termId,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
    return calendar.entries(me.schoolId(), termId, from, to);
  }

  @Operation(summary = "Each date of the term between from and to (default: the term's dates): whether there is "
      + "service, the weekday whose timetable runs, and the service's start and (seasonal) end")
  @GetMapping("/api/v1/terms/{termId}/calendar/days")
  List<ServiceDay> days(Staff me, @PathVariable long termId,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
    return calendar.days(me.schoolId(), termId, from, to);
  }

  @Operation(summary = "Add an entry for a day that has none (admin); a cancellation for today or tomorrow is told "
      + "to the guardians at once, a later one the evening before")
  @PostMapping("/api/v1/terms/{termId}/calendar")
  @ResponseStatus(HttpStatus.CREATED)
  CalendarEntry add(Staff me, @PathVariable long termId, @Valid @RequestBody CalendarEntryRequest body) {
    Access.requireAdmin(me);
    return calendar.add(me.schoolId(), termId, body.toDraft(), me.id());
  }

  @Operation(summary = "Change an entry (admin); changing only the note tells nobody again")
  @PutMapping("/api/v1/terms/{termId}/calendar/{entryId}")
  CalendarEntry change(Staff me, @PathVariable long termId, @PathVariable long entryId,
      @Valid @RequestBody CalendarEntryRequest body) {
    Access.requireAdmin(me);
    return calendar.change(me.schoolId(), termId, entryId, body.toDraft(), me.id());
  }

  @Operation(summary = "Remove an entry (admin); a cancellation's unsent messages are dropped and guardians who read "
      + "it are told the service runs after all")
  @DeleteMapping("/api/v1/terms/{termId}/calendar/{entryId}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void remove(Staff me, @PathVariable long termId, @PathVariable long entryId) {
    Access.requireAdmin(me);
    calendar.remove(me.schoolId(), termId, entryId, me.id());
  }

  @Operation(summary = "Import calendar entries from a CSV (date, kind, weekday it runs as, note; UTF-8 or GBK) sent "
      + "as the raw body, all or nothing; preview=true only reports")
  @PostMapping(path = "/api/v1/terms/{termId}/calendar/import",
      consumes = {"text/csv", "text/plain", "application/csv", "application/vnd.ms-excel", "application/octet-stream"})
  @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
      content = @Content(mediaType = "text/csv", schema = @Schema(type = "string", format = "binary")))
  CalendarImportResult importRaw(Staff me, @PathVariable long termId, HttpServletRequest request,
      @RequestParam(defaultValue = "false") boolean preview) throws IOException {
    Access.requireAdmin(me);
    return run(me, termId, CalendarUpload.read(request.getInputStream()), preview);
  }

  @Operation(summary = "Import calendar entries from the CSV uploaded as the multipart field 'file'; preview=true "
      + "only reports")
  @PostMapping(path = "/api/v1/terms/{termId}/calendar/import", consumes = "multipart/form-data")
  CalendarImportResult importUpload(Staff me, @PathVariable long termId, @RequestPart("file") MultipartFile file,
      @RequestParam(defaultValue = "false") boolean preview) throws IOException {
    Access.requireAdmin(me);
    return run(me, termId, CalendarUpload.check(file.getBytes()), preview);
  }

  private CalendarImportResult run(Staff me, long termId, byte[] file, boolean preview) {
    return preview ? imports.preview(me.schoolId(), termId, file, me.id())
        : imports.importCsv(me.schoolId(), termId, file, me.id());
  }

  @ExceptionHandler(CalendarRefused.class)
  ResponseEntity<ProblemDetail> refused(CalendarRefused e) {
    HttpStatus status = switch (e.kind()) {
      case NOT_FOUND -> HttpStatus.NOT_FOUND;
      case INVALID -> HttpStatus.BAD_REQUEST;
      case CONFLICT -> HttpStatus.CONFLICT;
    };
    ProblemDetail problem = problems.of(status, e.code(), e.textKey(), e.values());
    if (e.field() != null) {
      problem.setProperty("field", e.field());
    }
    return ResponseEntity.status(status).body(problem);
  }

  @ExceptionHandler(CalendarRejectedException.class)
  ResponseEntity<ProblemDetail> rejected(CalendarRejectedException e) {
    ProblemDetail problem = problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "CALENDAR_REJECTED", "calendar.rejected",
        Map.of("count", e.errors().size()));
    problem.setProperty("errors", e.errors());
    return ResponseEntity.unprocessableContent().body(problem);
  }
}
