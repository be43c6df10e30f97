package org.kehou.core.fee;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.kehou.core.GeneratedId;
import org.kehou.core.outbox.OutboxBatch;
import org.kehou.core.outbox.Recipient;
import org.kehou.core.school.SchoolMapper;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issues a school's statements for a month that is over, once: one per child served (or owed a correction), each told
 * to the child's guardians through the outbox. A statement is never changed; when an earlier month counts differently
 * now (leave recorded after the fact, a cancellation added later), the difference, priced by that month's own rule,
 * is carried on the new statement as an adjustment.
 */
@Service
public class FeeStatements {

  public static final String KIND = "fee-statement";
  /** How far back earlier months are re-counted for corrections. */
  private static final int CORRECTION_MONTHS = 6;

  private final FeeMapper mapper;
  private final SchoolMapper schools;
  private final MonthCharges charges;
  private final FeeTexts texts;
  private final OutboxBatch outbox;
  private final TransactionTemplate tx;
  private final Clock clock;

  FeeStatements(FeeMapper mapper, SchoolMapper schools, MonthCharges charges, FeeTexts texts, OutboxBatch outbox,
      PlatformTransactionManager txManager, Clock clock) {
    this.mapper = mapper;
    this.schools = schools;
    this.charges = charges;
    this.texts = texts;
    this.outbox = outbox;
    this.tx = new TransactionTemplate(txManager);
    this.clock = clock;
  }

  /** The month-end job: last month's statements of every school with a term in it; a re-run issues nothing. */
  public int issueLastMonth() {
    YearMonth last = YearMonth.now(clock).minusMonths(1);
    int issued = 0;
    for (long schoolId : schools.schoolsWithTermIn(last.atDay(1), last.atEndOfMonth())) {
      issued += issue(schoolId, last);
    }
    return issued;
  }

  /**
   * @return how many statements were written: 0 when the month was issued already (here or by another instance)
   * @throws IllegalArgumentException for a month that is not over yet
   */
  public int issue(long schoolId, YearMonth month) {
    if (!month.atEndOfMonth().isBefore(LocalDate.now(clock))) {
      throw new IllegalArgumentException(month + " is not over yet");
    }
    if (mapper.issued(schoolId, month.atDay(1))) {
      return 0;
    }
    try {
      Integer written = tx.execute(status -> mapper.issued(schoolId, month.atDay(1)) ? 0 : write(schoolId, month));
      return written == null ? 0 : written;
    } catch (DuplicateKeyException e) {
      return 0; // another instance issued the month at the same moment; its statements stand
    }
  }

  /** The month's statements as issued (none before the month is issued). */
  public List<FeeStatement.WithAdjustments> ofMonth(long schoolId, YearMonth month) {
    List<FeeStatement> issued = mapper.ofMonth(schoolId, month.atDay(1));
    // One read for the month's adjustments, not one per statement: a school's month is thousands of statements.
    Map<Long, List<FeeStatement.Adjustment>> carried = new HashMap<>();
    mapper.adjustmentsOfMonth(schoolId, month.atDay(1)).forEach(a -> carried.computeIfAbsent(a.statementId(),
        id -> new ArrayList<>()).add(new FeeStatement.Adjustment(a.forMonth(), a.deltaSessions(), a.deltaFen())));
    return issued.stream().map(s -> new FeeStatement.WithAdjustments(s, carried.getOrDefault(s.id(), List.of())))
        .toList();
  }

  /** A child's latest statements, newest first ({@code 账单}). */
  public List<FeeStatement.WithAdjustments> ofStudent(long studentId, int limit) {
    return mapper.ofStudent(studentId, limit).stream()
        .map(s -> new FeeStatement.WithAdjustments(s, adjustmentsOn(s.id()))).toList();
  }

  private List<FeeStatement.Adjustment> adjustmentsOn(long statementId) {
    return mapper.adjustmentsOn(statementId).stream()
        .map(a -> new FeeStatement.Adjustment(a.forMonth(), a.deltaSessions(), a.deltaFen())).toList();
  }

  private int write(long schoolId, YearMonth month) {
    Map<Long, Charge> now = charges.of(schoolId, month, month.atEndOfMonth());
    Map<Long, List<FeeStatement.Adjustment>> corrections = corrections(schoolId, month);
    Map<Long, FeeStatement> lastBilled = lastBilled(schoolId, month);
    Set<Long> children = new LinkedHashSet<>(now.keySet());
    children.addAll(corrections.keySet());
    Map<Long, List<Long>> guardians = mapper.guardians(schoolId).stream().collect(Collectors.groupingBy(
        FeeMapper.GuardianOf::studentId, Collectors.mapping(FeeMapper.GuardianOf::guardianId, Collectors.toList())));
    LocalDateTime at = LocalDateTime.now(clock);
    List<OutboxBatch.Message> messages = new ArrayList<>();
    for (long studentId : children) {
      // A child owed only a correction this month gets a statement of no sessions under its last month's rule.
      Charge charge = now.containsKey(studentId) ? now.get(studentId)
          : lastBilled.get(studentId).asBilled(0).withNoLeave();
      List<FeeStatement.Adjustment> theirs = corrections.getOrDefault(studentId, List.of());
      int adjustment = theirs.stream().mapToInt(FeeStatement.Adjustment::deltaFen).sum();
      GeneratedId key = new GeneratedId();
      mapper.insertStatement(new FeeMapper.NewStatement(schoolId, charge.termId(), studentId, month.atDay(1),
          charge.sessions(), charge.lessonTenths(), charge.tenthsPerSession(), charge.hardshipPercent(),
          charge.leaveDays(), charge.feePerLessonFen(), charge.grossFen(), charge.reductionFen(), charge.chargedFen(),
          adjustment, charge.chargedFen() + adjustment), at, key);
      theirs.forEach(a -> mapper.insertAdjustment(key.value(), a.forMonth(), a.deltaSessions(), a.deltaFen()));
    }
    // Read back once for the whole month (names, classes, stored amounts), not once per child.
    for (FeeStatement statement : mapper.ofMonth(schoolId, month.atDay(1))) {
      long studentId = statement.studentId();
      String body = texts.statement(statement, corrections.getOrDefault(studentId, List.of()));
      for (long guardianId : guardians.getOrDefault(studentId, List.of())) {
        messages.add(new OutboxBatch.Message(new Recipient(schoolId, guardianId, studentId), KIND,
            "fee-statement:" + studentId + ":" + month + ":" + guardianId, body, texts.fields(statement)));
      }
    }
    outbox.enqueueAll(messages);
    return children.size();
  }

  /** Per child, the earlier months that count differently now than everything billed for them so far. */
  private Map<Long, List<FeeStatement.Adjustment>> corrections(long schoolId, YearMonth month) {
    LocalDate since = month.minusMonths(CORRECTION_MONTHS).atDay(1);
    Map<String, int[]> adjusted = new HashMap<>();
    mapper.adjustmentsSince(schoolId, since).forEach(a -> {
      int[] sum = adjusted.computeIfAbsent(a.studentId() + ":" + a.forMonth(), k -> new int[2]);
      sum[0] += a.deltaSessions();
      sum[1] += a.deltaFen();
    });
    Map<LocalDate, List<FeeStatement>> byMonth = mapper.earlier(schoolId, month.atDay(1), since).stream()
        .collect(Collectors.groupingBy(FeeStatement::month, LinkedHashMap::new, Collectors.toList()));
    Map<Long, List<FeeStatement.Adjustment>> corrections = new LinkedHashMap<>();
    byMonth.forEach((earlier, statements) -> {
      Map<Long, Charge> recount = charges.of(schoolId, YearMonth.from(earlier), earlier.plusMonths(1).minusDays(1));
      for (FeeStatement s : statements) {
        int[] sum = adjusted.getOrDefault(s.studentId() + ":" + earlier, new int[2]);
        int billedSessions = s.sessions() + sum[0];
        int billedFen = s.chargedFen() + sum[1];
        Charge counted = recount.get(s.studentId());
        int sessionsNow = counted == null ? 0 : counted.sessions();
        if (sessionsNow != billedSessions) {
          corrections.computeIfAbsent(s.studentId(), id -> new ArrayList<>()).add(new FeeStatement.Adjustment(
              earlier, sessionsNow - billedSessions, s.asBilled(sessionsNow).chargedFen() - billedFen));
        }
      }
    });
    return corrections;
  }

  private Map<Long, FeeStatement> lastBilled(long schoolId, YearMonth month) {
    Map<Long, FeeStatement> last = new HashMap<>();
    mapper.earlier(schoolId, month.atDay(1), month.minusMonths(CORRECTION_MONTHS).atDay(1))
        .forEach(s -> last.merge(s.studentId(), s, (a, b) -> a.month().isAfter(b.month()) ? a : b));
    return last;
  }
}
