package org.kehou.core.records;

import java.io.OutputStream;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Weekly statistics and monthly summaries as XLSX: for the school a sheet per class, then per service day and per
 * child; for one class the last two. Counts are child-sessions (see {@link Tally}); the rate is a number formatted as
 * a percentage, blank when nobody was expected.
 */
@Component
public class StatisticsWorkbook {

  private final RecordsTexts texts;

  StatisticsWorkbook(RecordsTexts texts) {
    this.texts = texts;
  }

  public int week(String school, PeriodReport report, OutputStream out) {
    return write(texts.text("records.stats.weekTitle", Map.of("scope", scope(school, report), "from",
        RecordsTexts.date(report.from()), "to", RecordsTexts.date(report.to()))), report, out);
  }

  public int month(String school, PeriodReport report, OutputStream out) {
    YearMonth month = YearMonth.from(report.from());
    return write(texts.text("records.stats.monthTitle", Map.of("scope", scope(school, report), "month",
        texts.text("records.stats.monthName", Map.of("year", month.getYear(), "month", month.getMonthValue())))),
        report, out);
  }

  /** @return the data rows written over all sheets, totals included */
  private int write(String title, PeriodReport report, OutputStream out) {
    List<String> counts = texts.list("records.stats.counts");
    String total = texts.text("records.stats.total");
    try (XlsxBook book = texts.book()) {
      int rows = 0;
      if (report.className() == null) {
        XlsxSheet classes = book.sheet(texts.text("records.stats.sheet.classes"), title,
            headers(List.of(texts.text("records.stats.classHeader")), counts), widths(1));
        report.classes().forEach(c -> classes.row(with(new Object[] {c.className()}, c.tally())));
        classes.row(with(new Object[] {total}, report.total()));
        rows += classes.rows();
      }
      XlsxSheet days = book.sheet(texts.text("records.stats.sheet.days"), title,
          headers(texts.list("records.stats.dayHeaders"), counts), widths(3));
      report.days().forEach(d -> days.row(with(new Object[] {RecordsTexts.date(d.date()), texts.weekday(d.date()),
          d.sessions()}, d.tally())));
      days.row(with(new Object[] {total, null, report.sessionsHeld()}, report.total()));
      XlsxSheet children = book.sheet(texts.text("records.stats.sheet.children"), title,
          headers(texts.list("records.stats.childHeaders"), counts), widths(2));
      report.children().forEach(c -> children.row(with(new Object[] {c.className(), c.name()}, c.tally())));
      children.row(with(new Object[] {total, null}, report.total()));
      rows += days.rows() + children.rows();
      book.write(out);
      return rows;
    }
  }

  private String scope(String school, PeriodReport report) {
    return school + " " + (report.className() == null ? texts.text("records.stats.school") : report.className());
  }

  private static List<String> headers(List<String> first, List<String> counts) {
    List<String> all = new ArrayList<>(first);
    all.addAll(counts);
    return all;
  }

  private static int[] widths(int leading) {
    int[] widths = new int[leading + 7];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = i < leading ? 16 : 9;
    }
    return widths;
  }

  private static Object[] with(Object[] leading, Tally t) {
    Object[] row = new Object[leading.length + 7];
    System.arraycopy(leading, 0, row, 0, leading.length);
    Object[] counts = {t.expected(), t.present(), t.absent(), t.leave(), t.earlyLeave(), t.unmarked(), t.rate()};
    System.arraycopy(counts, 0, row, leading.length, counts.length);
    return row;
  }
}
