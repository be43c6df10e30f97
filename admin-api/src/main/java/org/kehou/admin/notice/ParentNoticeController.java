package org.kehou.admin.notice;

import io.swagger.v3.oas.annotations.Operation;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import org.kehou.admin.web.ApiException;
import org.kehou.core.notice.NoticeDraft;
import org.kehou.core.notice.NoticeRefused;
import org.kehou.core.notice.NoticeReport;
import org.kehou.core.notice.NoticeStatus;
import org.kehou.core.notice.NoticeSummary;
import org.kehou.core.notice.Notices;
import org.kehou.core.notice.SentNotice;
import org.kehou.core.staff.Staff;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Notices to parents (通知), not to be confused with the staff inbox at {@code /api/v1/notices}. Sending only queues
 * the messages; the bot sends them.
 */
@RestController
class ParentNoticeController {

  private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

  private final Notices notices;
  private final NoticeReport report;
  private final ParentNoticeCsv csv;

  ParentNoticeController(Notices notices, NoticeReport report, ParentNoticeCsv csv) {
    this.notices = notices;
    this.report = report;
    this.csv = csv;
  }

  @Operation(summary = "How many children and guardian accounts a notice would reach, and how many have WeChat: "
      + "nothing is sent")
  @PostMapping("/api/v1/parent-notices/preview")
  SentNotice preview(Staff me, @RequestBody ParentNoticeRequest request) {
    return refusedAsProblem(() -> notices.preview(me, draftOf(request)));
  }

  @Operation(summary = "Send a notice: one message per guardian account naming each of their children in it, "
      + "with a link to confirm; urgent notices go out in the quiet hours too")
  @PostMapping("/api/v1/parent-notices")
  ResponseEntity<SentNotice> send(Staff me, @RequestBody ParentNoticeRequest request) {
    return ResponseEntity.status(HttpStatus.CREATED).body(refusedAsProblem(() -> notices.send(me, draftOf(request))));
  }

  @Operation(summary = "The caller's notices (the admin: the school's), newest first, with live counts")
  @GetMapping("/api/v1/parent-notices")
  List<NoticeSummary> list(Staff me) {
    return report.list(me);
  }

  @Operation(summary = "A notice and, per child, confirmed (when, by whom), delivered, pending or failed (why)")
  @GetMapping("/api/v1/parent-notices/{id}")
  NoticeStatus status(Staff me, @PathVariable long id) {
    return refusedAsProblem(() -> report.status(me, id));
  }

  @Operation(summary = "CSV (UTF-8 with BOM) of the guardians of the children nobody confirmed for, with phone "
      + "numbers: the admin's for all, a class teacher's for their own classes")
  @GetMapping("/api/v1/parent-notices/{id}/unconfirmed.csv")
  ResponseEntity<byte[]> unconfirmed(Staff me, @PathVariable long id) {
    byte[] sheet = csv.render(refusedAsProblem(() -> report.unconfirmed(me, id)));
    return ResponseEntity.ok().contentType(CSV)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename("notice-" + id + "-unconfirmed.csv", StandardCharsets.UTF_8).build().toString())
        .body(sheet);
  }

  private static NoticeDraft draftOf(ParentNoticeRequest request) {
    if (request == null) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "INVALID", "parentNotice.invalid.title");
    }
    return request.draft();
  }

  private static <T> T refusedAsProblem(Supplier<T> step) {
    try {
      return step.get();
    } catch (NoticeRefused e) {
      HttpStatus status = switch (e.kind()) {
        case FORBIDDEN -> HttpStatus.FORBIDDEN;
        case NOT_FOUND -> HttpStatus.NOT_FOUND;
        case INVALID -> HttpStatus.BAD_REQUEST;
        case EMPTY_AUDIENCE -> HttpStatus.CONFLICT;
      };
      throw new ApiException(status, e.kind().name(), e.textKey(), e.values());
    }
  }
}
