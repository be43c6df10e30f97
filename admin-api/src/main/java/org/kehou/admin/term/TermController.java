package org.kehou.admin.term;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.LocalTime;
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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class TermController {

  private final SchoolMapper schools;

  TermController(SchoolMapper schools) {
    this.schools = schools;
  }

  @PostMapping("/api/v1/terms")
  @ResponseStatus(HttpStatus.CREATED)
  Term create(Staff me, @Valid @RequestBody NewTerm body) {
    Access.requireAdmin(me);
    Term term = body.toTerm(me.schoolId());
    if (!datesValid(term)) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "TERM_DATES_INVALID", "term.datesInvalid");
    }
    GeneratedId key = new GeneratedId();
    try {
      schools.insertTerm(term, key);
    } catch (DuplicateKeyException e) {
      throw new ApiException(HttpStatus.CONFLICT, "TERM_NAME_TAKEN", "term.nameTaken", Map.of("name", body.name()));
    }
    return schools.findTerm(key.value()).orElseThrow();
  }

  @GetMapping("/api/v1/terms")
  List<Term> list(Staff me) {
    return schools.listTerms(me.schoolId());
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

  record NewTerm(
      @NotBlank @Size(max = 60) String name,
      @NotNull LocalDate startsOn,
      @NotNull LocalDate endsOn,
      LocalDate summerStartsOn,
      LocalDate summerEndsOn,
      LocalTime sessionStartsAt,
      LocalTime winterEndsAt,
      LocalTime summerEndsAt,
      @Min(0) Integer feePerLessonFen,
      @Min(0) Integer publicityDays) {

    // The defaults of V1's term table, so that an absent field means what the schema means.
    Term toTerm(long schoolId) {
      return new Term(0, schoolId, name.trim(), startsOn, endsOn, summerStartsOn, summerEndsOn,
          or(sessionStartsAt, LocalTime.of(15, 30)), or(winterEndsAt, LocalTime.of(17, 30)),
          or(summerEndsAt, LocalTime.of(18, 0)), feePerLessonFen == null ? 350 : feePerLessonFen,
          publicityDays == null ? 3 : publicityDays);
    }

    private static <T> T or(T value, T fallback) {
      return value == null ? fallback : value;
    }
  }
}
