package org.kehou.core.calendar;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kehou.core.offering.Weekday;
import org.kehou.core.text.Texts;
import org.springframework.stereotype.Component;

/**
 * The words a calendar CSV may use: Chinese headers, kinds and weekdays from the templates ({@code calendar.*}), the
 * English ones here, and the date forms spreadsheets save (2026-10-01, 2026/10/1, 2026.10.1, 2026年10月1日).
 */
@Component
class CalendarVocabulary {

  private static final Pattern DATE =
      Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?");

  private final Texts texts;

  CalendarVocabulary(Texts texts) {
    this.texts = texts;
  }

  /** Every header the column may have, Chinese first (the first of them names the column in reports). */
  List<String> headers(CalendarColumn column) {
    List<String> all = new ArrayList<>(list(column.headersKey()));
    all.addAll(column.englishHeaders);
    return all;
  }

  String chineseHeader(CalendarColumn column) {
    return list(column.headersKey()).get(0);
  }

  /** Null when the word is no kind. */
  DayKind kind(String word) {
    for (DayKind kind : DayKind.values()) {
      if (word.equalsIgnoreCase(kind.name()) || list("calendar.kind." + kind.name()).contains(word)) {
        return kind;
      }
    }
    return null;
  }

  /** Monday to Friday as 1–5, 周一, 星期一, 一, MON or Monday; null for anything else (weekends run no timetable). */
  Weekday weekday(String word) {
    String w = word.strip();
    for (String prefix : list("calendar.weekday.prefixes")) {
      if (w.startsWith(prefix) && w.length() > prefix.length()) {
        w = w.substring(prefix.length());
        break;
      }
    }
    String numerals = texts.message("calendar.weekday.numerals");
    for (Weekday day : Weekday.values()) {
      int n = day.ordinal();
      String english = DayOfWeek.of(n + 1).name().toLowerCase(Locale.ROOT);
      if (w.equals(String.valueOf(n + 1)) || w.equals(String.valueOf(numerals.charAt(n)))
          || w.equalsIgnoreCase(day.name()) || w.equalsIgnoreCase(english)) {
        return day;
      }
    }
    return null;
  }

  /** Null when the cell is no date. */
  static LocalDate date(String cell) {
    Matcher m = DATE.matcher(cell.strip());
    if (!m.matches()) {
      return null;
    }
    try {
      return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    } catch (DateTimeException e) {
      return null;
    }
  }

  String text(String key, Map<String, ?> values) {
    return texts.message(key, values);
  }

  private List<String> list(String key) {
    return List.of(texts.message(key).split(","));
  }
}
