package org.kehou.core.records;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.kehou.core.duty.SubsidySheets;
import org.kehou.core.school.SchoolMapper;
import org.kehou.core.school.Term;
import org.springframework.stereotype.Service;

/**
 * The yearly report for the education bureau: for a school year (the terms that start from August of {@code year} to
 * July of the next), per term and for the year, participation, sessions held, attendance, fees and incidents (absence
 * cases), and the teachers' subsidies as the monthly subsidy sheets give them (each month counted once, in the first
 * term it overlaps).
 */
@Service
public class YearlyReport {

  private final SchoolMapper schools;
  private final YearlyMapper mapper;
  private final AttendanceRecords records;
  private final RecordsTexts texts;
  private final SubsidySheets subsidies;
  private final Clock clock;

  YearlyReport(SchoolMapper schools, YearlyMapper mapper, AttendanceRecords records, RecordsTexts texts,
      SubsidySheets subsidies, Clock clock) {
    this.schools = schools;
    this.mapper = mapper;
    this.records = records;
    this.texts = texts;
    this.subsidies = subsidies;
    this.clock = clock;
  }

  /** The terms of the school year that starts in {@code year}, oldest first. */
  public List<Term> terms(long schoolId, int year) {
    LocalDate from = LocalDate.of(year, 8, 1);
    LocalDate to = LocalDate.of(year + 1, 7, 31);
    List<Term> terms = new ArrayList<>(schools.listTerms(schoolId).stream()
        .filter(t -> !t.startsOn().isBefore(from) && !t.startsOn().isAfter(to)).toList());
    terms.sort(Comparator.comparing(Term::startsOn));
    return terms;
  }

  /** @return the report's rows */
  public int write(long schoolId, int year, OutputStream out) {
    String school = schools.findSchool(schoolId).orElseThrow().name();
    List<Term> terms = terms(schoolId, year);
    LocalDate yesterday = LocalDate.now(clock).minusDays(1);
    int pupils = mapper.pupils(schoolId);
    List<Column> columns = new ArrayList<>();
    Set<YearMonth> counted = new HashSet<>();
    for (Term term : terms) {
      LocalDate last = term.endsOn().isBefore(yesterday) ? term.endsOn() : yesterday;
      PeriodReport attendance = last.isBefore(term.startsOn()) ? null
          : AttendanceRecords.summarise(records.days(schoolId, term.startsOn(), last), term.startsOn(), last, null,
              null);
      columns.add(new Column(term.name(), mapper.participants(List.of(term.id())).size(),
          attendance == null ? 0 : (int) attendance.days().stream().filter(d -> d.sessions() > 0).count(),
          attendance == null ? 0 : attendance.sessionsHeld(), attendance == null ? Tally.ZERO : attendance.total(),
          mapper.fees(term.id()), mapper.cases(term.id(), last), subsidyFen(schoolId, term, last, counted)));
    }
    Column whole = total(columns, terms.isEmpty() ? 0
        : mapper.participants(terms.stream().map(Term::id).toList()).size());
    List<Column> all = new ArrayList<>(columns);
    all.add(whole);
    try (XlsxBook book = texts.book()) {
      List<String> headers = new ArrayList<>();
      headers.add(texts.text("yearly.itemHeader"));
      columns.forEach(c -> headers.add(c.name()));
      headers.add(texts.text("yearly.yearHeader"));
      int[] widths = new int[headers.size()];
      Arrays.fill(widths, 16);
      widths[0] = 22;
      XlsxSheet sheet = book.sheet(texts.text("yearly.sheet"), texts.text("yearly.title",
          Map.of("school", school, "year", year, "nextYear", year + 1)), headers, widths);
      row(sheet, "yearly.row.pupils", all, c -> pupils);
      row(sheet, "yearly.row.participants", all, Column::participants);
      row(sheet, "yearly.row.participation", all, c -> pupils == 0 ? null : (double) c.participants() / pupils);
      row(sheet, "yearly.row.sessionDays", all, Column::serviceDays);
      row(sheet, "yearly.row.sessions", all, Column::sessions);
      row(sheet, "yearly.row.expected", all, c -> c.tally().expected());
      row(sheet, "yearly.row.present", all, c -> c.tally().present());
      row(sheet, "yearly.row.leave", all, c -> c.tally().leave());
      row(sheet, "yearly.row.rate", all, c -> c.tally().rate());
      row(sheet, "yearly.row.feeCharged", all, c -> yuan(c.fees().amountFen()));
      row(sheet, "yearly.row.feeReduction", all, c -> yuan(c.fees().reductionFen()));
      row(sheet, "yearly.row.subsidy", all, c -> yuan(c.subsidyFen()));
      row(sheet, "yearly.row.incidents", all, c -> c.cases().cases());
      row(sheet, "yearly.row.escalated", all, c -> c.cases().escalated());
      row(sheet, "yearly.row.openCases", all, c -> c.cases().open());
      int rows = sheet.rows();
      sheet.row(texts.text("yearly.note"));
      book.write(out);
      return rows;
    }
  }

  private void row(XlsxSheet sheet, String key, List<Column> columns, Function<Column, Object> f) {
    Object[] cells = new Object[columns.size() + 1];
    cells[0] = texts.text(key);
    for (int i = 0; i < columns.size(); i++) {
      cells[i + 1] = f.apply(columns.get(i));
    }
    sheet.row(cells);
  }

  /** The subsidy sheets of the term's months up to {@code last} not counted for an earlier term. */
  private long subsidyFen(long schoolId, Term term, LocalDate last, Set<YearMonth> counted) {
    long fen = 0;
    for (YearMonth m = YearMonth.from(term.startsOn()); !last.isBefore(term.startsOn())
        && !m.isAfter(YearMonth.from(last)); m = m.plusMonths(1)) {
      if (counted.add(m)) {
        fen += subsidies.month(schoolId, m).totalFen();
      }
    }
    return fen;
  }

  /** A year's fen add up past an int: printed as FeeTexts prints a statement's amount. */
  private static String yuan(long fen) {
    return BigDecimal.valueOf(fen, 2).toPlainString();
  }

  private Column total(List<Column> terms, int participants) {
    Tally tally = Tally.ZERO;
    long amount = 0;
    long reduction = 0;
    int days = 0;
    int sessions = 0;
    int cases = 0;
    int escalated = 0;
    int open = 0;
    long subsidy = 0;
    for (Column c : terms) {
      subsidy += c.subsidyFen();
      tally = tally.plus(c.tally());
      amount += c.fees().amountFen();
      reduction += c.fees().reductionFen();
      days += c.serviceDays();
      sessions += c.sessions();
      cases += c.cases().cases();
      escalated += c.cases().escalated();
      open += c.cases().open();
    }
    return new Column(null, participants, days, sessions, tally, new YearlyMapper.FeeTotals(amount, reduction),
        new YearlyMapper.CaseTotals(cases, escalated, open), subsidy);
  }

  private record Column(String name, int participants, int serviceDays, int sessions, Tally tally,
      YearlyMapper.FeeTotals fees, YearlyMapper.CaseTotals cases, long subsidyFen) {
  }
}
