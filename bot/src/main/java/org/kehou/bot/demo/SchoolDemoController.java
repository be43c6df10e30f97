package org.kehou.bot.demo;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.kehou.core.lifecycle.LifecycleTicker;
import org.kehou.core.lifecycle.PublicityEntry;
import org.kehou.core.lifecycle.PublicityService;
import org.kehou.core.lifecycle.ReviewRefused;
import org.kehou.core.lifecycle.ReviewService;
import org.kehou.core.lifecycle.Reviewer;
import org.kehou.core.lifecycle.WithdrawalService;
import org.kehou.core.text.Texts;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The school's steps for the simulator's second panel, on the core services. The admin API has no review or publicity
 * endpoints yet; once it has, the panel should call those through /demo/admin-api instead. The staff member is named
 * by username after the panel logged in through the real admin API: trusting that name is acceptable only in the demo.
 */
@RestController
@Profile("demo")
@RequestMapping("/demo/api/school")
class SchoolDemoController {

  private final DemoMapper mapper;
  private final ReviewService reviews;
  private final PublicityService publicity;
  private final WithdrawalService withdrawals;
  private final LifecycleTicker ticker;
  private final Clock clock;
  private final Texts texts;

  SchoolDemoController(DemoMapper mapper, ReviewService reviews, PublicityService publicity,
      WithdrawalService withdrawals, LifecycleTicker ticker, Clock clock, Texts texts) {
    this.mapper = mapper;
    this.reviews = reviews;
    this.publicity = publicity;
    this.withdrawals = withdrawals;
    this.ticker = ticker;
    this.clock = clock;
    this.texts = texts;
  }

  record Step(String username, String reason) {
  }

  @GetMapping("/applications")
  List<DemoMapper.DemoApplication> applications() {
    return mapper.applications();
  }

  @PostMapping("/applications/{id}/class-approve")
  Map<String, Object> classApprove(@PathVariable long id, @RequestBody Step step) {
    reviews.classApprove(reviewer(step), id);
    return done();
  }

  @PostMapping("/applications/{id}/school-approve")
  Map<String, Object> schoolApprove(@PathVariable long id, @RequestBody Step step) {
    reviews.schoolApprove(reviewer(step), id);
    return done();
  }

  @PostMapping("/applications/{id}/reject")
  Map<String, Object> reject(@PathVariable long id, @RequestBody Step step) {
    Reviewer reviewer = reviewer(step);
    if (reviewer.schoolAdmin()) {
      reviews.schoolReject(reviewer, id, step.reason());
    } else {
      reviews.classReject(reviewer, id, step.reason());
    }
    return done();
  }

  @PostMapping("/applications/{id}/end")
  Map<String, Object> end(@PathVariable long id, @RequestBody Step step) {
    withdrawals.endBySchool(reviewer(step), id, step.reason());
    return done();
  }

  @GetMapping("/publicity")
  List<PublicityEntry> publicityList() {
    Long term = mapper.latestTerm();
    return term == null ? List.of() : publicity.list(term);
  }

  /** Ends every running publicity window now and runs the lifecycle step the clustered job would run later. */
  @PostMapping("/publicity/end-now")
  Map<String, Object> endPublicityNow() {
    int ended = mapper.endPublicity(LocalDateTime.now(clock).minusSeconds(1));
    ticker.tick();
    return Map.of("ok", true, "ended", ended);
  }

  private Reviewer reviewer(Step step) {
    DemoMapper.DemoStaff staff = mapper.staff(step.username() == null ? "" : step.username())
        .orElseThrow(() -> new ReviewRefused(ReviewRefused.Kind.NOT_FOUND, "demo.unknownStaff", Map.of()));
    return new Reviewer(staff.id(), staff.schoolId(), "SCHOOL_ADMIN".equals(staff.role()));
  }

  private static Map<String, Object> done() {
    return Map.of("ok", true);
  }

  @ExceptionHandler(ReviewRefused.class)
  ResponseEntity<Map<String, Object>> refused(ReviewRefused e) {
    return ResponseEntity.status(HttpStatus.CONFLICT)
        .body(Map.of("ok", false, "kind", e.kind().name(), "reason", reason(e)));
  }

  private String reason(ReviewRefused e) {
    try {
      return texts.message(e.reasonKey(), e.values());
    } catch (IllegalArgumentException missingTemplate) {
      return e.reasonKey();
    }
  }
}
