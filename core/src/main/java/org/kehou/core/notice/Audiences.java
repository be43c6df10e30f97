package org.kehou.core.notice;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kehou.core.school.CurrentTerms;
import org.kehou.core.school.Term;
import org.kehou.core.staff.Staff;
import org.kehou.core.text.Texts;
import org.springframework.stereotype.Component;

/**
 * Who a notice reaches and whether its sender may reach them. Anything outside a teacher's reach is FORBIDDEN even
 * when it does not exist, so a teacher cannot probe which classes or offerings exist; an admin gets NOT_FOUND.
 */
@Component
class Audiences {

  /** The audience as named at sending time and its members (children with each guardian). */
  record Resolved(String name, List<Member> members) {
  }

  private final NoticeMapper mapper;
  private final CurrentTerms terms;
  private final Texts texts;
  private final Clock clock;

  Audiences(NoticeMapper mapper, CurrentTerms terms, Texts texts, Clock clock) {
    this.mapper = mapper;
    this.terms = terms;
    this.texts = texts;
    this.clock = clock;
  }

  Resolved resolve(Staff me, AudienceKind kind, Long id) {
    if (kind == null) {
      throw invalid("audience");
    }
    if (kind != AudienceKind.SCHOOL && id == null) {
      throw invalid("audienceId");
    }
    String name = switch (kind) {
      case SCHOOL -> {
        adminOnly(me);
        yield texts.message("parentNotice.audience.SCHOOL");
      }
      case GRADE -> {
        adminOnly(me);
        yield reachable(me, mapper.grade(id), false).name();
      }
      case CLASS -> reachable(me, mapper.schoolClass(id), true).name();
      case CLASS_SERVICE -> texts.message("parentNotice.audience.CLASS_SERVICE",
          Map.of("name", reachable(me, mapper.schoolClass(id), true).name()));
      case OFFERING -> reachable(me, mapper.offering(id), true).name();
    };
    Optional<Term> term = terms.of(me.schoolId());
    LocalDate today = LocalDate.now(clock);
    List<Member> members = needsTerm(kind) && term.isEmpty() ? List.of()
        : mapper.members(me.schoolId(), kind, id, term.map(Term::id).orElse(0L), today);
    return new Resolved(name, members);
  }

  private static boolean needsTerm(AudienceKind kind) {
    return kind == AudienceKind.CLASS_SERVICE;
  }

  private static void adminOnly(Staff me) {
    if (!me.isAdmin()) {
      throw new NoticeRefused(NoticeRefused.Kind.FORBIDDEN, "parentNotice.forbidden.audience", Map.of());
    }
  }

  /** The target if it is this school's and, for anyone but the admin, theirs (class teacher, offering's teacher). */
  private static NoticeMapper.Target reachable(Staff me, Optional<NoticeMapper.Target> found, boolean ownersToo) {
    Optional<NoticeMapper.Target> ours = found.filter(t -> t.schoolId() == me.schoolId());
    if (me.isAdmin()) {
      return ours.orElseThrow(() -> new NoticeRefused(NoticeRefused.Kind.NOT_FOUND, "parentNotice.audienceNotFound",
          Map.of()));
    }
    return ours.filter(t -> ownersToo && t.ownerId() != null && t.ownerId() == me.id())
        .orElseThrow(() -> new NoticeRefused(NoticeRefused.Kind.FORBIDDEN, "parentNotice.forbidden.audience",
            Map.of()));
  }

  static NoticeRefused invalid(String field) {
    return new NoticeRefused(NoticeRefused.Kind.INVALID, "parentNotice.invalid." + field, Map.of("field", field));
  }
}
