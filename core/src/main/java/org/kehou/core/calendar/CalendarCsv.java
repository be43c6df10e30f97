package org.kehou.core.calendar;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.kehou.core.offering.Weekday;
import org.kehou.core.school.Term;

/**
 * Reads a calendar file (date, kind, weekday it runs as, note; headers in Chinese or English) into entries for one
 * term, collecting every bad row and column instead of stopping at the first.
 */
final class CalendarCsv {

  /** A good row and its line in the file. */
  record Row(int line, EntryDraft draft) {
  }

  private final CalendarVocabulary words;
  private final Term term;
  private final List<CalendarRowError> errors = new ArrayList<>();
  private final List<Row> rows = new ArrayList<>();
  private final Map<CalendarColumn, Integer> index = new EnumMap<>(CalendarColumn.class);
  private final Map<CalendarColumn, String> headers = new EnumMap<>(CalendarColumn.class);
  private final Map<LocalDate, Integer> firstLineOfDay = new HashMap<>();
  private SourceLines lines;

  CalendarCsv(CalendarVocabulary words, Term term) {
    this.words = words;
    this.term = term;
  }

  List<CalendarRowError> errors() {
    return errors;
  }

  List<Row> rows() {
    return rows;
  }

  void parse(String text) {
    lines = new SourceLines(text);
    try (CSVParser csv = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).get().parse(new StringReader(text))) {
      boolean header = true;
      for (CSVRecord record : csv) {
        if (header) {
          header = false;
          if (!readHeader(record)) {
            return;
          }
        } else if (!blank(record)) {
          readRow(record);
        }
      }
      if (header) {
        errors.add(error(1, "", "EMPTY", Map.of()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (IllegalStateException | UncheckedIOException e) {
      // commons-csv reports an unterminated quote this way: say so rather than fail the request.
      errors.add(error(1, "", "MALFORMED_CSV", Map.of()));
    }
  }

  private boolean readHeader(CSVRecord record) {
    boolean chinese = false;
    for (int i = 0; i < record.size(); i++) {
      String cell = record.get(i).strip().replace("\uFEFF", "");
      for (CalendarColumn column : CalendarColumn.values()) {
        List<String> names = words.headers(column);
        boolean known = names.stream().anyMatch(name -> name.equalsIgnoreCase(cell));
        if (known && !index.containsKey(column)) {
          index.put(column, i);
          headers.put(column, cell);
          chinese |= !cell.isEmpty() && cell.codePointAt(0) > 0x2E80;
        }
      }
    }
    for (CalendarColumn column : CalendarColumn.values()) {
      if (column.required && !index.containsKey(column)) {
        String name = chinese ? words.chineseHeader(column) : column.englishHeaders.get(0);
        errors.add(error(1, name, "MISSING_COLUMN", Map.of()));
      }
    }
    return errors.isEmpty();
  }

  private void readRow(CSVRecord record) {
    int line = lines.lineOf(record.getCharacterPosition());
    int before = errors.size();
    String dateCell = cell(record, CalendarColumn.DATE);
    String kindCell = cell(record, CalendarColumn.KIND);
    String runsAsCell = cell(record, CalendarColumn.RUNS_AS);
    LocalDate day = CalendarVocabulary.date(dateCell);
    if (dateCell.isEmpty()) {
      errors.add(error(line, CalendarColumn.DATE, "REQUIRED"));
    } else if (day == null) {
      errors.add(error(line, CalendarColumn.DATE, "BAD_DATE"));
    }
    DayKind kind = words.kind(kindCell);
    if (kindCell.isEmpty()) {
      errors.add(error(line, CalendarColumn.KIND, "REQUIRED"));
    } else if (kind == null) {
      errors.add(error(line, CalendarColumn.KIND, "UNKNOWN_KIND"));
    }
    Weekday runsAs = runsAsCell.isEmpty() ? null : words.weekday(runsAsCell);
    if (!runsAsCell.isEmpty() && runsAs == null) {
      errors.add(error(line, CalendarColumn.RUNS_AS, "BAD_WEEKDAY"));
    }
    if (errors.size() > before) {
      return;
    }
    EntryDraft draft = new EntryDraft(day, kind, runsAs, cell(record, CalendarColumn.NOTE));
    for (DraftProblem problem : CalendarRules.check(term, draft)) {
      errors.add(new CalendarRowError(line, header(problem.column()), problem.code(),
          words.text(problem.textKey(), problem.values())));
    }
    Integer first = firstLineOfDay.putIfAbsent(day, line);
    if (first != null) {
      errors.add(new CalendarRowError(line, header(CalendarColumn.DATE), "DUPLICATE_DATE",
          words.text("calendar.error.DUPLICATE_DATE", Map.of("firstLine", first))));
    }
    if (errors.size() == before) {
      rows.add(new Row(line, draft));
    }
  }

  private String cell(CSVRecord record, CalendarColumn column) {
    Integer i = index.get(column);
    return i == null || i >= record.size() ? "" : record.get(i).strip();
  }

  /** The column as the file names it; a rule about a column the file lacks names it in Chinese. */
  private String header(CalendarColumn column) {
    return headers.getOrDefault(column, words.chineseHeader(column));
  }

  private CalendarRowError error(int line, CalendarColumn column, String code) {
    return error(line, header(column), code, Map.of());
  }

  private CalendarRowError error(int line, String column, String code, Map<String, ?> values) {
    return new CalendarRowError(line, column, code, words.text("calendar.error." + code, values));
  }

  private static boolean blank(CSVRecord record) {
    for (String cell : record) {
      if (!cell.isBlank()) {
        return false;
      }
    }
    return true;
  }
}
