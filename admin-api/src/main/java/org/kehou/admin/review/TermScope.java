package org.kehou.admin.review;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.kehou.admin.web.ApiException;
import org.kehou.core.school.SchoolMapper;
import org.kehou.core.school.Term;
import org.kehou.core.staff.Staff;
import org.springframework.stereotype.Component;

/** The term a listing is about: the one asked for (of the caller's school), else the current one. */
@Component
class TermScope {

  private final SchoolMapper schools;
  private final Clock clock;

  TermScope(SchoolMapper schools, Clock clock) {
    this.schools = schools;
    this.clock = clock;
  }

  /** Empty when no term was named and the school has no current or coming term. */
  Optional<Long> resolve(Staff me, Long termId) {
    if (termId == null) {
      return schools.findCurrentTerm(me.schoolId(), LocalDate.now(clock)).map(Term::id);
    }
    return Optional.of(schools.findTerm(termId).filter(t -> t.schoolId() == me.schoolId())
        .orElseThrow(() -> ApiException.notFound("TERM_NOT_FOUND", "error.termNotFound")).id());
  }
}
