package org.kehou.core.records;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.kehou.core.text.Texts;
import org.springframework.stereotype.Component;

/** The records' texts (records.properties) and how dates and times print on a sheet. */
@Component
public class RecordsTexts {

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
  private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final Texts texts;
  /** Texts without placeholders, rendered once: a sheet asks for the same status or kind on every row. */
  private final Map<String, String> plain = new ConcurrentHashMap<>();

  RecordsTexts(Texts texts) {
    this.texts = texts;
  }

  public String text(String key, Map<String, ?> values) {
    return texts.message(key, values);
  }

  public String text(String key) {
    return plain.computeIfAbsent(key, texts::message);
  }

  public boolean has(String key) {
    return texts.has(key);
  }

  /** A comma-separated list of headers. */
  public List<String> list(String key) {
    return Arrays.asList(text(key).split(","));
  }

  public XlsxBook book() {
    return new XlsxBook(text("records.footer"));
  }

  public static String date(LocalDate date) {
    return date == null ? null : DATE.format(date);
  }

  public static String time(LocalTime time) {
    return time == null ? null : TIME.format(time);
  }

  public static String time(LocalDateTime at) {
    return at == null ? null : TIME.format(at);
  }

  public static String at(LocalDateTime at) {
    return at == null ? null : AT.format(at);
  }

  String weekday(LocalDate date) {
    return list("records.stats.weekdays").get(date.getDayOfWeek().getValue() - 1);
  }

  String status(AttendanceStatus status) {
    return text("records.status." + status.name());
  }

  String rate(Tally tally) {
    Double rate = tally.rate();
    return rate == null ? text("records.attendance.noRate") : String.format("%.1f%%", rate * 100);
  }
}
