package org.kehou.core.roster;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Reads a decoded roster file into rows, collecting every error instead of stopping at the first. */
final class RosterParser {

  private final RosterVocabulary words;
  private final List<RosterError> errors = new ArrayList<>();
  private final List<RosterRow> rows = new ArrayList<>();
  private final Map<RosterColumn, Integer> index = new EnumMap<>(RosterColumn.class);
  private final Map<RosterColumn, String> headers = new EnumMap<>(RosterColumn.class);
  private int[] lineStarts;
  private String text;

  RosterParser(RosterVocabulary words) {
    this.words = words;
  }

  List<RosterError> errors() {
    return errors;
  }

  List<RosterRow> rows() {
    return rows;
  }

  void parse(String text) {
    this.text = text;
    lineStarts = lineStarts(text);
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
        errors.add(new RosterError(1, "", "EMPTY", words.text("roster.empty", Map.of())));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (IllegalStateException | UncheckedIOException e) {
      // commons-csv reports an unterminated quote this way: say where rather than fail the request.
      errors.add(new RosterError(1, "", "MALFORMED_CSV", words.text("roster.error.MALFORMED_CSV", Map.of())));
    }
  }

  private boolean readHeader(CSVRecord record) {
    boolean chinese = false;
    for (int i = 0; i < record.size(); i++) {
      String cell = record.get(i).strip();
      for (RosterColumn column : RosterColumn.values()) {
        boolean english = cell.toLowerCase(Locale.ROOT).equals(column.english);
        boolean zh = cell.equals(words.header(column));
        if ((english || zh) && !index.containsKey(column)) {
          index.put(column, i);
          headers.put(column, cell);
          chinese |= zh;
        }
      }
    }
    for (RosterColumn column : RosterColumn.values()) {
      if (!index.containsKey(column)) {
        String name = chinese ? words.header(column) : column.english;
        errors.add(error(1, name, "MISSING_COLUMN", Map.of()));
      }
    }
    return errors.isEmpty();
  }

  private void readRow(CSVRecord record) {
    int line = lineOf(skipLineBreaks(record.getCharacterPosition()));
    int before = errors.size();
    Map<RosterColumn, String> v = new EnumMap<>(RosterColumn.class);
    for (RosterColumn column : RosterColumn.values()) {
      int i = index.get(column);
      String value = i < record.size() ? record.get(i).strip() : "";
      v.put(column, value);
      if (value.isEmpty() && column.required) {
        errors.add(error(line, headers.get(column), "REQUIRED", Map.of()));
      } else if (value.length() > column.maxLength) {
        errors.add(error(line, headers.get(column), "TOO_LONG", Map.of("max", column.maxLength)));
      }
    }
    int level = words.gradeLevel(v.get(RosterColumn.GRADE));
    if (!v.get(RosterColumn.GRADE).isEmpty() && level == 0) {
      errors.add(error(line, headers.get(RosterColumn.GRADE), "BAD_GRADE", Map.of()));
    }
    Priority priority = words.priority(v.get(RosterColumn.PRIORITY));
    if (priority == null) {
      errors.add(error(line, headers.get(RosterColumn.PRIORITY), "UNKNOWN_PRIORITY", Map.of()));
    }
    String phone = v.get(RosterColumn.GUARDIAN_PHONE).replaceAll("[\\s-]", "");
    if (!v.get(RosterColumn.GUARDIAN_PHONE).isEmpty() && !phone.matches("1\\d{10}")) {
      errors.add(error(line, headers.get(RosterColumn.GUARDIAN_PHONE), "BAD_PHONE", Map.of()));
    }
    String grade = v.get(RosterColumn.GRADE);
    String cls = v.get(RosterColumn.CLASS);
    String className = cls.startsWith(grade) ? cls : grade + cls;
    if (className.length() > RosterColumn.CLASS.maxLength && !cls.isEmpty() && cls.length() <= RosterColumn.CLASS.maxLength) {
      errors.add(error(line, headers.get(RosterColumn.CLASS), "TOO_LONG", Map.of("max", RosterColumn.CLASS.maxLength)));
    }
    if (errors.size() == before) {
      rows.add(new RosterRow(line, grade, level, className, v.get(RosterColumn.STUDENT_NO),
          v.get(RosterColumn.STUDENT_NAME), priority, v.get(RosterColumn.GUARDIAN_NAME), phone,
          v.get(RosterColumn.RELATION)));
    }
  }

  RosterError error(int line, String column, String code, Map<String, ?> values) {
    return new RosterError(line, column, code, words.text("roster.error." + code, values));
  }

  String header(RosterColumn column) {
    return headers.get(column);
  }

  private static boolean blank(CSVRecord record) {
    for (String cell : record) {
      if (!cell.isBlank()) {
        return false;
      }
    }
    return true;
  }

  /** A record's position may point at the empty lines the parser skipped before it. */
  private long skipLineBreaks(long position) {
    int p = (int) position;
    while (p < text.length() && (text.charAt(p) == '\r' || text.charAt(p) == '\n')) {
      p++;
    }
    return p;
  }

  /** Quoted cells may span lines, so the record number is not the line number a spreadsheet shows. */
  private int lineOf(long position) {
    int lo = 0;
    int hi = lineStarts.length - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (lineStarts[mid] <= position) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo + 1;
  }

  private static int[] lineStarts(String text) {
    List<Integer> starts = new ArrayList<>();
    starts.add(0);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
        starts.add(i + 1);
      }
    }
    return starts.stream().mapToInt(Integer::intValue).toArray();
  }
}
