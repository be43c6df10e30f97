package org.kehou.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CalendarEntryTests extends CalendarTestSupport {

  @Test
  void anEntryOutsideTheTermOrAWorkdayWithoutItsWeekdayIsRefused() {
    LocalDate afterTerm = jdbc.queryForObject("SELECT ends_on FROM term WHERE id = ?", LocalDate.class,
        school.termId).plusDays(1);

    assertThatThrownBy(() -> add(afterTerm, DayKind.HOLIDAY, null, null)).isInstanceOf(CalendarRefused.class)
        .extracting("code").isEqualTo("OUTSIDE_TERM");
    assertThatThrownBy(() -> add(SATURDAY, DayKind.WORKDAY, null, null)).extracting("code")
        .isEqualTo("RUNS_AS_REQUIRED");
    assertThatThrownBy(() -> add(THURSDAY, DayKind.CANCELLED, null, " ")).extracting("code")
        .isEqualTo("NOTE_REQUIRED");
    add(THURSDAY, DayKind.HOLIDAY, null, null);
    assertThatThrownBy(() -> add(THURSDAY, DayKind.BREAK, null, null)).extracting("code")
        .isEqualTo("CALENDAR_DAY_TAKEN");
  }

  @Test
  void twoAdminsAddingTheSameDayAtOnceGetOneEntryAndOneRefusal() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Object> outcomes = new ArrayList<>();
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<CalendarEntry>> adds = new ArrayList<>();
      for (String note : List.of("国庆节", "国庆假期")) {
        adds.add(pool.submit(() -> {
          start.await();
          return add(THURSDAY, DayKind.HOLIDAY, null, note);
        }));
      }
      start.countDown();
      for (Future<CalendarEntry> add : adds) {
        try {
          outcomes.add(add.get(30, TimeUnit.SECONDS).kind());
        } catch (ExecutionException e) {
          outcomes.add(((CalendarRefused) e.getCause()).code());
        }
      }
    } finally {
      pool.shutdown();
    }

    assertThat(outcomes).containsExactlyInAnyOrder(DayKind.HOLIDAY, "CALENDAR_DAY_TAKEN");
    assertThat(calendar.entries(school.schoolId, school.termId, THURSDAY, THURSDAY)).hasSize(1);
  }
}
