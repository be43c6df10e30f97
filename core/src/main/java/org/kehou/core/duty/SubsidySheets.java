package org.kehou.core.duty;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
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
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Computes a month's subsidy sheet from the sessions the calendar ran and what each staff member signed: a duty pays
 * the term's lesson hours at the role's rate only with a sign-in within the window and a sign-out not before the end
 * (as the term's {@link DutyRule} sets them). Staff are listed who were on duty (the offering's teacher, the school's
 * plan) or signed in; a session nobody was expected in and nobody signed is left out. Amounts are integer fen, each
 * row's rounded half up once. Once a month is over its sheet is closed (by the month-end job or the admin): kept as
 * it was, so that a rule, a real name or the plan changed later never changes a month already paid. Public so that
 * other records (a spreadsheet, the archive) read the same rows.
 */
@Service
public class SubsidySheets {

  private static final JsonMapper JSON = JsonMapper.shared();

  private final SchoolMapper schools;
  private final SessionSpan span;
  private final DutyMapper mapper;
  private final DutyRules rules;
  private final SubsidySheetMapper closedSheets;
  private final Clock clock;

  SubsidySheets(SchoolMapper schools, SessionSpan span, DutyMapper mapper, DutyRules rules,
      SubsidySheetMapper closedSheets, Clock clock) {
    this.schools = schools;
    this.span = span;
    this.mapper = mapper;
    this.rules = rules;
    this.closedSheets = closedSheets;
    this.clock = clock;
  }

  /** The month's sheet as closed, or, before it is closed, computed now under the current rules. */
  public SubsidySheet month(long schoolId, YearMonth month) {
    return closedSheets.body(schoolId, month.atDay(1)).map(body -> JSON.readValue(body, SubsidySheet.class))
        .orElseGet(() -> compute(schoolId, month));
  }

  /** The month-end job: closes last month's sheet of every school with a term in it; a re-run closes nothing. */
  public int closeLastMonth() {
    YearMonth last = YearMonth.now(clock).minusMonths(1);
    int closed = 0;
    for (long schoolId : schools.schoolsWithTermIn(last.atDay(1), last.atEndOfMonth())) {
      closed += close(schoolId, last) ? 1 : 0;
    }
    return closed;
  }

  /**
   * Keeps the month's sheet as it is now, for good: the one the finance office pays from.
   *
   * @return false when the month was closed already (here or by another instance)
   * @throws IllegalArgumentException for a month that is not over yet
   */
  public boolean close(long schoolId, YearMonth month) {
    if (!month.atEndOfMonth().isBefore(LocalDate.now(clock))) {
      throw new IllegalArgumentException(month + " is not over yet");
    }
    if (closedSheets.body(schoolId, month.atDay(1)).isPresent()) {
      return false;
    }
    SubsidySheet sheet = compute(schoolId, month).closed(LocalDateTime.now(clock));
    try {
      closedSheets.insert(schoolId, month.atDay(1), sheet.closedAt(), sheet.totalFen(), JSON.writeValueAsString(sheet));
      return true;
    } catch (DuplicateKeyException e) {
      return false; // another instance closed it at the same moment, from the same records
    }
  }

  private SubsidySheet compute(long schoolId, YearMonth month) {
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
        rows.stream().mapToLong(SubsidySheet.Row::amountFen).sum(), null);
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
