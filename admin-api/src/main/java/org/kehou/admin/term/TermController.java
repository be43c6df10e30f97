package org.kehou.admin.term;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import org.kehou.admin.auth.Access;
import org.kehou.admin.web.ApiException;
import org.kehou.core.GeneratedId;
import org.kehou.core.school.SchoolMapper;
import org.kehou.core.school.Term;
import org.kehou.core.staff.Staff;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class TermController {

  private final SchoolMapper schools;

  TermController(SchoolMapper schools) {
    this.schools = schools;
  }

  @Operation(summary = "Create a term; publicityDays defaults to 3 and signWithinDays to 7 (both 1..30)")
  @PostMapping("/api/v1/terms")
  @ResponseStatus(HttpStatus.CREATED)
  Term create(Staff me, @Valid @RequestBody TermRequest body) {
    Access.requireAdmin(me);
    Term term = valid(body.toTerm(0, me.schoolId()));
    GeneratedId key = new GeneratedId();
    try {
      schools.insertTerm(term, key);
    } catch (DuplicateKeyException e) {
      throw nameTaken(term);
    }
    return schools.findTerm(key.value()).orElseThrow();
  }

  /**
   * Replaces a term whole. Publicity windows and signing deadlines already running keep the end they were given; the
   * new lengths apply to the windows and agreements that start afterwards.
   */
  @Operation(summary = "Replace a term whole (the body of POST; absent optional fields take the same defaults)",
      description = "publicityDays and signWithinDays (1..30) apply to publicity windows and agreements that start "
          + "after the change; windows and signing deadlines already running keep the end they were given. "
          + "400 with problem details for invalid fields or dates, 404 for another school's term, 409 for a name in use.")
  @PutMapping("/api/v1/terms/{id}")
  Term update(Staff me, @PathVariable long id, @Valid @RequestBody TermRequest body) {
    Access.requireAdmin(me);
    Term term = valid(body.toTerm(id, me.schoolId()));
    int changed;
    try {
      changed = schools.updateTerm(term);
    } catch (DuplicateKeyException e) {
      throw nameTaken(term);
    }
    if (changed == 0 && schools.findTerm(id).filter(t -> t.schoolId() == me.schoolId()).isEmpty()) {
      throw ApiException.notFound("TERM_NOT_FOUND", "term.notFound");
    }
    return schools.findTerm(id).orElseThrow();
  }

  @GetMapping("/api/v1/terms")
  List<Term> list(Staff me) {
    return schools.listTerms(me.schoolId());
  }

  private static ApiException nameTaken(Term term) {
    return new ApiException(HttpStatus.CONFLICT, "TERM_NAME_TAKEN", "term.nameTaken", Map.of("name", term.name()));
  }

  private static Term valid(Term t) {
    if (!datesValid(t)) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "TERM_DATES_INVALID", "term.datesInvalid");
    }
    return t;
  }

  private static boolean datesValid(Term t) {
    if (t.endsOn().isBefore(t.startsOn())) {
      return false;
    }
    if (t.summerStartsOn() == null && t.summerEndsOn() == null) {
      return true;
    }
    return t.summerStartsOn() != null && t.summerEndsOn() != null
        && !t.summerEndsOn().isBefore(t.summerStartsOn())
        && !t.summerStartsOn().isBefore(t.startsOn()) && !t.summerEndsOn().isAfter(t.endsOn());
  }
}
