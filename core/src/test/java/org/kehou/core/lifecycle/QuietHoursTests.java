package org.kehou.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuietHoursTests {

  static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

  static boolean quietAt(String time, String start, String end) {
    ZonedDateTime at = ZonedDateTime.of(2026, 11, 30, 0, 0, 0, 0, BEIJING).with(LocalTime.parse(time));
    return new QuietHours(LocalTime.parse(start), LocalTime.parse(end), Clock.fixed(at.toInstant(), BEIJING)).now();
  }

  @ParameterizedTest
  @CsvSource({
      "21:29, false", "21:30, true", "23:59, true", "00:00, true", "03:00, true", "06:59, true", "07:00, false",
      "12:00, false"})
  void remindersWaitForMorningBetweenHalfPastNineAndSeven(String time, boolean quiet) {
    assertThat(quietAt(time, "21:30", "07:00")).isEqualTo(quiet);
  }

  @ParameterizedTest
  @CsvSource({"12:59, false", "13:00, true", "13:59, true", "14:00, false"})
  void aWindowWithinOneDayWorksToo(String time, boolean quiet) {
    assertThat(quietAt(time, "13:00", "14:00")).isEqualTo(quiet);
  }

  @ParameterizedTest
  @CsvSource({
      "agreement-reminder, 2026-11-30T23:00, 2026-12-01T07:00", "waitlist-offer-reminder, 2026-12-01T03:00, 2026-12-01T07:00",
      "agreement-reminder, 2026-12-01T07:00, 2026-12-01T07:00", "agreement-reminder, 2026-12-01T12:00, 2026-12-01T12:00",
      "agreement-ready, 2026-11-30T23:00, 2026-11-30T23:00"})
  void aReminderDueAtNightIsSentWhenTheQuietHoursEndOtherMessagesAreNotHeld(String kind, LocalDateTime due,
      LocalDateTime sent) {
    QuietHours quiet = new QuietHours(LocalTime.parse("21:30"), LocalTime.parse("07:00"), Clock.system(BEIJING));
    assertThat(quiet.earliest(kind, due)).isEqualTo(sent);
  }
}
