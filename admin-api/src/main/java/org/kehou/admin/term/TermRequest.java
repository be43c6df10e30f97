package org.kehou.admin.term;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.LocalTime;
import org.kehou.core.school.Term;

/**
 * A term as an admin writes it, to create one or to replace one whole. The publicity window and the signing time are
 * whole days: at least one (a step with no time to act on it would lapse at once) and at most 30.
 */
record TermRequest(
    @NotBlank @Size(max = 60) String name,
    @NotNull LocalDate startsOn,
    @NotNull LocalDate endsOn,
    LocalDate summerStartsOn,
    LocalDate summerEndsOn,
    LocalTime sessionStartsAt,
    LocalTime winterEndsAt,
    LocalTime summerEndsAt,
    @Min(0) Integer feePerLessonFen,
    @Min(1) @Max(30) Integer publicityDays,
    @Min(1) @Max(30) Integer signWithinDays) {

  // The defaults of the term table (V1, V32), so that an absent field means what the schema means.
  Term toTerm(long id, long schoolId) {
    return new Term(id, schoolId, name.trim(), startsOn, endsOn, summerStartsOn, summerEndsOn,
        or(sessionStartsAt, LocalTime.of(15, 30)), or(winterEndsAt, LocalTime.of(17, 30)),
        or(summerEndsAt, LocalTime.of(18, 0)), or(feePerLessonFen, 350), or(publicityDays, 3), or(signWithinDays, 7));
  }

  private static <T> T or(T value, T fallback) {
    return value == null ? fallback : value;
  }
}
