package org.kehou.core.leave;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what a parent types after 请假 / 取消请假: nothing (today), 今天, 明天, 后天, {@code 12月5日}, {@code 12-05},
 * {@code 12/5} or {@code 2026-12-05}, then an optional reason. A month and day without a year is the next such date
 * from today on, so in December {@code 1月3日} is January next year.
 */
public final class LeaveDates {

  /** What the parent asked for; {@code date} empty when the text starts like a date but is not one Kehou reads. */
  public record Asked(Optional<LocalDate> date, String reason) {
  }

  private static final Pattern FULL = Pattern.compile("(\\d{4})[-/.年](\\d{1,2})[-/.月](\\d{1,2})[日号]?(.*)");
  private static final Pattern MONTH_DAY = Pattern.compile("(\\d{1,2})(?:[-/.]|月)(\\d{1,2})[日号]?(.*)");
  /** Text starting like this is meant as a date (下周一, 5号, 周三): unread, it is unclear rather than a reason. */
  private static final Pattern DATE_LIKE = Pattern.compile("^(?:\\d|[今明后昨前下上本这周星礼]).*");

  private LeaveDates() {
  }

  public static Asked read(String text, LocalDate today) {
    String rest = text == null ? "" : text.strip();
    if (rest.isEmpty()) {
      return new Asked(Optional.of(today), "");
    }
    for (String[] word : new String[][] {{"今天", "0"}, {"明天", "1"}, {"后天", "2"}}) {
      if (rest.startsWith(word[0])) {
        return new Asked(Optional.of(today.plusDays(Integer.parseInt(word[1]))), reason(rest.substring(2)));
      }
    }
    Matcher full = FULL.matcher(rest);
    if (full.matches()) {
      return dated(() -> LocalDate.of(num(full, 1), num(full, 2), num(full, 3)), full.group(4));
    }
    Matcher monthDay = MONTH_DAY.matcher(rest);
    if (monthDay.matches()) {
      return dated(() -> next(MonthDay.of(num(monthDay, 1), num(monthDay, 2)), today), monthDay.group(3));
    }
    if (DATE_LIKE.matcher(rest).matches()) {
      return new Asked(Optional.empty(), "");
    }
    return new Asked(Optional.of(today), reason(rest));
  }

  private static Asked dated(java.util.function.Supplier<LocalDate> date, String rest) {
    // A reason must be set apart from the date: "12-051" is a typo, not the 5th with reason "1".
    if (!rest.isEmpty() && Character.isDigit(rest.charAt(0))) {
      return new Asked(Optional.empty(), "");
    }
    try {
      return new Asked(Optional.of(date.get()), reason(rest));
    } catch (DateTimeException e) {
      return new Asked(Optional.empty(), "");
    }
  }

  private static LocalDate next(MonthDay day, LocalDate today) {
    LocalDate thisYear = day.atYear(today.getYear());
    // 2月29日 in a year without it: MonthDay.atYear gives the 28th, which the parent did not ask for.
    if (thisYear.getDayOfMonth() != day.getDayOfMonth()) {
      throw new DateTimeException("no such day this year");
    }
    return thisYear.isBefore(today) ? day.atYear(today.getYear() + 1) : thisYear;
  }

  private static int num(Matcher m, int group) {
    return Integer.parseInt(m.group(group));
  }

  /** The reason as typed, without the separators parents put before it (space, comma, colon). */
  private static String reason(String rest) {
    String reason = rest.replaceFirst("^[\\s,，、:：;；]+", "").strip();
    return reason.length() > 200 ? reason.substring(0, 200) : reason;
  }
}
