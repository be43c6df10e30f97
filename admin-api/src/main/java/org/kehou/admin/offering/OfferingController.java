package org.kehou.admin.offering;

import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.kehou.admin.auth.Access;
import org.kehou.admin.web.ApiException;
import org.kehou.admin.web.Problems;
import org.kehou.core.offering.Offering;
import org.kehou.core.offering.OfferingAllocationException;
import org.kehou.core.offering.OfferingCapacityException;
import org.kehou.core.offering.OfferingMapper;
import org.kehou.core.offering.OfferingService;
import org.kehou.core.school.SchoolMapper;
import org.kehou.core.school.Term;
import org.kehou.core.staff.Staff;
import org.kehou.core.staff.StaffService;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Admins write offerings; every staff member reads them. */
@RestController
class OfferingController {

  private final OfferingService service;
  private final OfferingMapper offerings;
  private final SchoolMapper schools;
  private final StaffService staff;
  private final Problems problems;
  private final Clock clock;

  OfferingController(OfferingService service, OfferingMapper offerings, SchoolMapper schools, StaffService staff,
      Problems problems, Clock clock) {
    this.service = service;
    this.offerings = offerings;
    this.schools = schools;
    this.staff = staff;
    this.problems = problems;
    this.clock = clock;
  }

  @PostMapping("/api/v1/offerings")
  @ResponseStatus(HttpStatus.CREATED)
  OfferingView create(Staff me, @Valid @RequestBody OfferingRequest body) {
    Access.requireAdmin(me);
    if (body.termId() == null) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "INVALID_REQUEST", "error.invalidRequest",
          Map.of("fields", "termId"));
    }
    Term term = term(me, body.termId());
    checkDraft(me, body);
    return named(body, () -> OfferingView.of(service.create(me.schoolId(), term.id(), body.toDraft())));
  }

  /** Without termId: the current term's offerings (the one running, else the next to start). */
  @GetMapping("/api/v1/offerings")
  List<OfferingView> list(Staff me, @RequestParam(required = false) Long termId) {
    Long id = termId != null ? term(me, termId).id()
        : schools.findCurrentTerm(me.schoolId(), LocalDate.now(clock)).map(Term::id).orElse(null);
    return id == null ? List.of() : offerings.listByTerm(id).stream().map(OfferingView::of).toList();
  }

  @PutMapping("/api/v1/offerings/{id}")
  OfferingView update(Staff me, @PathVariable long id, @Valid @RequestBody OfferingRequest body) {
    Access.requireAdmin(me);
    Offering existing = offering(me, id);
    if (existing.status() == Offering.Status.CLOSED) {
      throw new ApiException(HttpStatus.CONFLICT, "OFFERING_CLOSED", "offering.closed");
    }
    checkDraft(me, body);
    return named(body, () -> OfferingView.of(service.update(id, body.toDraft())));
  }

  @PostMapping("/api/v1/offerings/{id}/close")
  OfferingView close(Staff me, @PathVariable long id) {
    Access.requireAdmin(me);
    offering(me, id);
    return OfferingView.of(service.close(id));
  }

  @ExceptionHandler(OfferingCapacityException.class)
  ResponseEntity<ProblemDetail> capacity(OfferingCapacityException e) {
    ProblemDetail problem = problems.of(HttpStatus.CONFLICT, "CAPACITY_BELOW_SEATS_TAKEN",
        "offering.capacityBelowSeats", Map.of("seatsTaken", e.seatsTaken()));
    problem.setProperty("seatsTaken", e.seatsTaken());
    return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
  }

  @ExceptionHandler(OfferingAllocationException.class)
  ResponseEntity<ProblemDetail> allocation(OfferingAllocationException e) {
    ProblemDetail problem = switch (e.reason()) {
      case DRAWN -> problems.of(HttpStatus.CONFLICT, "DRAW_DONE", "offering.drawDone", Map.of());
      case CLOSED -> problems.of(HttpStatus.CONFLICT, "DRAW_DUE", "offering.drawDue", Map.of());
      case HAS_CHOICES -> problems.of(HttpStatus.CONFLICT, "ALLOCATION_LOCKED", "offering.allocationLocked", Map.of());
    };
    return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
  }

  private Term term(Staff me, long termId) {
    return schools.findTerm(termId).filter(t -> t.schoolId() == me.schoolId())
        .orElseThrow(() -> ApiException.notFound("TERM_NOT_FOUND", "error.termNotFound"));
  }

  private Offering offering(Staff me, long id) {
    return offerings.findById(id).filter(o -> o.schoolId() == me.schoolId())
        .orElseThrow(() -> ApiException.notFound("OFFERING_NOT_FOUND", "error.offeringNotFound"));
  }

  private void checkDraft(Staff me, OfferingRequest body) {
    if (!body.startsAt().isBefore(body.endsAt())) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "TIMES_INVALID", "offering.timesInvalid");
    }
    boolean atClose = body.allocationOrDefault() == Offering.Allocation.AT_CLOSE;
    if (atClose && body.closesAt() == null) {
      throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "CLOSES_AT_REQUIRED", "offering.closesAtRequired");
    }
    if (!atClose && body.closesAt() != null) {
      throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "CLOSES_AT_WITHOUT_DRAW",
          "offering.closesAtWithoutDraw");
    }
    if (body.teacherId() != null
        && staff.find(body.teacherId()).filter(s -> s.schoolId() == me.schoolId()).isEmpty()) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "TEACHER_NOT_FOUND", "offering.teacherNotFound");
    }
  }

  private static OfferingView named(OfferingRequest body, Supplier<OfferingView> write) {
    try {
      return write.get();
    } catch (DuplicateKeyException e) {
      throw new ApiException(HttpStatus.CONFLICT, "OFFERING_NAME_TAKEN", "offering.nameTaken",
          Map.of("name", body.name()));
    }
  }
}
