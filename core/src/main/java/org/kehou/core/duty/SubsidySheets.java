package org.kehou.core.duty;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kehou.core.calendar.DayRoll;
import org.kehou.core.calendar.Session;
import org.kehou.core.calendar.SessionSpan;
import org.kehou.core.school.SchoolMapper;
import org.kehou.core.school.Term;
import org.springframework.stereotype.Service;

/**
 * Computes a month's subsidy sheet from the sessions the calendar ran and what each staff member signed: a duty pays
 * the term's lesson hours at the role's rate only with a sign-in within the window and a sign-out not before the end
 * (as the term's {@link DutyRule} sets them). Staff are listed who were on duty (the offering's teacher, the school's
 * plan) or signed in; a session nobody was expected in and nobody signed is left out. Amounts are integer fen, each
 * row's rounded half up once. Public so that other records (a spreadsheet, the archive) read the same rows.
 */
@Service
public class SubsidySheets {

  private final SchoolMapper schools;
  private final SessionSpan span;
  private final DutyMapper mapper;
  private final DutyRules rules;
  private final Clock clock;

  SubsidySheets(SchoolMapper schools, SessionSpan span, DutyMapper mapper, DutyRules rules, Clock clock) {
    this.schools = schools;
    this.span = span;
    this.mapper = mapper;
    this.rules = rules;
    this.clock = clock;
  }

  public SubsidySheet month(long schoolId, YearMonth month) {
    LocalDate from = month.atDay(1);
    LocalDate yesterday = LocalDate.now(clock).minusDays(1);
    LocalDate to = month.atEndOfMonth().isBefore(yesterday) ? month.atEndOfMonth() : yesterday;
    Map<Key, Tally> tallies = new LinkedHashMap<>();
    if (!to.isBefore(from)) {
      List<DutyAssignment> assignments = mapper.assignments(schoolId, from, to);
      Map<String, List<DutySign>> signs = new HashMap<>();
      Map<String, Set<Long>> signers = new HashMap<>();
      for (DutySign s : mapper.signs(schoolId, from, to)) {
        signs.computeIfAbsent(key(s.offeringId(), s.sessionDate(), s.staffId()), k -> new ArrayList<>()).add(s);
        signers.computeIfAbsent(s.offeringId() + ":" + s.sessionDate(), k -> new LinkedHashSet<>()).add(s.staffId());
      }
      // The month's days term by term, each term's span read at once (a day-by-day read took seconds per month
      // for a school of 2,000, which the term archive pays for every month).
      for (Term term : schools.listTerms(schoolId)) {
        LocalDate a = term.startsOn().isAfter(from) ? term.startsOn() : from;
        LocalDate b = term.endsOn().isBefore(to) ? term.endsOn() : to;
        if (b.isBefore(a)) {
          continue;
        }
        DutyRule rule = rules.of(term.id());
        for (DayRoll today : span.of(term, a, b)) {
          if (!today.day().service()) {
            continue;
          }
          for (Session session : today.sessions()) {
            count(session, rule, assignments, signs,
                signers.getOrDefault(session.offeringId() + ":" + session.date(), Set.of()), tallies);
          }
        }
      }
    }
    Map<Long, DutyMapper.StaffName> names = new HashMap<>();
    mapper.staffNames(schoolId).forEach(n -> names.put(n.id(), n));
    List<SubsidySheet.Row> rows = new ArrayList<>();
    tallies.entrySet().stream().sorted(Comparator.comparing((Map.Entry<Key, Tally> e) -> e.getKey().staffId())
        .thenComparing(e -> e.getKey().role()).thenComparing(e -> e.getKey().rateFen())).forEach(e -> {
          Key k = e.getKey();
          Tally t = e.getValue();
          DutyMapper.StaffName name = names.get(k.staffId());
          rows.add(new SubsidySheet.Row(k.staffId(), name.realName(), name.displayName(), k.role(), k.rateFen(),
              t.sessions, t.tenths, amountFen(t.tenths, k.rateFen()), List.copyOf(t.forfeited)));
        });
    return new SubsidySheet(month, to.isBefore(from) ? null : to, rows,
        rows.stream().mapToLong(SubsidySheet.Row::amountFen).sum());
  }

  /** Tenths of an hour at a rate per hour, rounded half up to the fen. */
  static long amountFen(long tenths, int rateFen) {
    return (tenths * rateFen + 5) / 10;
  }

  private static void count(Session session, DutyRule rule, List<DutyAssignment> assignments,
      Map<String, List<DutySign>> signs, Set<Long> signed, Map<Key, Tally> tallies) {
    Map<Long, DutyRole> onDuty = new LinkedHashMap<>();
    Duties.of(session, assignments).forEach(d -> onDuty.put(d.staffId(), d.role()));
    if (session.children().isEmpty() && signed.isEmpty()) {
      return;
    }
    signed.forEach(id -> onDuty.putIfAbsent(id, null));
    for (Map.Entry<Long, DutyRole> duty : onDuty.entrySet()) {
      List<DutySign> own = signs.getOrDefault(key(session.offeringId(), session.date(), duty.getKey()), List.of());
      DutySign in = own.stream().filter(DutySign::signIn).findFirst().orElse(null);
      DutySign out = own.stream().filter(s -> !s.signIn()).findFirst().orElse(null);
      // What was worked counts in the role signed in under, even if the plan changed since.
      DutyRole role = in != null ? in.role() : duty.getValue() != null ? duty.getValue() : DutyRole.TEACHER;
      DutyOutcome outcome = rule.judge(session.date().atTime(session.startsAt()),
          session.date().atTime(session.endsAt()), in == null ? null : in.at(), out == null ? null : out.at());
      Tally tally = tallies.computeIfAbsent(new Key(duty.getKey(), role, rule.rateFen(role)), k -> new Tally());
      if (outcome == DutyOutcome.PAID) {
        tally.sessions++;
        tally.tenths += rule.lessonTenths();
      } else {
        tally.forfeited.add(new SubsidySheet.Forfeit(session.date(), session.offeringId(), session.offering(),
            session.startsAt(), session.endsAt(), outcome, in == null ? null : in.at(), out == null ? null : out.at()));
      }
    }
  }

  private static String key(long offeringId, LocalDate date, long staffId) {
    return offeringId + ":" + date + ":" + staffId;
  }

  private record Key(long staffId, DutyRole role, int rateFen) {
  }

  private static final class Tally {
    int sessions;
    int tenths;
    final List<SubsidySheet.Forfeit> forfeited = new ArrayList<>();
  }
}
