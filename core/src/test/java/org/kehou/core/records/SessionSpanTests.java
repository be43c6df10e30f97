package org.kehou.core.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kehou.core.calendar.DayRoll;
import org.kehou.core.calendar.DaySessions;
import org.kehou.core.calendar.SessionSpan;
import org.kehou.core.calendar.Timetable;
import org.kehou.core.school.SchoolMapper;
import org.kehou.core.school.Term;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The records read a month or a term in a few queries (SessionSpan); every day they must show exactly the sessions and
 * rosters roll call works with (Timetable), across a holiday, a 调休 Saturday, a cancellation, a withdrawal, leave and
 * an early leave, with a club on Tuesdays and Thursdays beside homework care.
 */
class SessionSpanTests extends RecordsTestSupport {

  @Autowired Timetable timetable;
  @Autowired SessionSpan span;
  @Autowired SchoolMapper schools;

  @Test
  void theSpanGivesEachDayTheSessionsAndRostersOfTheTimetable() {
    long club = school.offering("围棋", 20, 0b01010);
    jdbc.update("INSERT INTO application_choice (application_id, offering_id, status) SELECT id, ?, 'SEATED' "
        + "FROM application WHERE student_id = ?", club, xiaoming);
    day("2026-10-01", "HOLIDAY", null);
    day("2026-10-10", "WORKDAY", "TUE");
    day("2026-10-14", "CANCELLED", null);
    jdbc.update("UPDATE application SET state = 'ENDED', ends_on = '2026-10-20' WHERE student_id = ?", lilei);
    Term term = schools.findTerm(school.termId).orElseThrow();
    LocalDate from = LocalDate.of(2026, 9, 28);
    LocalDate to = LocalDate.of(2026, 10, 25);

    List<DayRoll> rolls = span.of(term, from, to);

    assertThat(rolls).hasSize(28);
    for (DayRoll roll : rolls) {
      DaySessions day = timetable.on(school.schoolId, roll.day().date());
      assertThat(roll.day()).as(roll.day().date().toString()).isEqualTo(day.day());
      assertThat(roll.sessions()).as(roll.day().date().toString()).isEqualTo(day.sessions());
    }
    assertThat(rolls.get(12).sessions()).as("the 调休 Saturday runs Tuesday's club").hasSize(2);
    assertThat(rolls.get(12).sessions().get(1).children()).extracting(c -> c.name()).containsExactly("王小明");
    assertThat(rolls.get(12).day().date()).isEqualTo(LocalDate.of(2026, 10, 10));
    assertThat(rolls.get(12).onLeave()).isEmpty();
    DayRoll monday = rolls.get(14);
    assertThat(monday.day().date()).isEqualTo(MONDAY);
    assertThat(monday.onLeave().get(homework)).extracting(c -> c.name()).containsExactly("韩梅梅");
  }

  void day(String date, String kind, String runsAs) {
    jdbc.update("INSERT INTO calendar_day (school_id, term_id, day, kind, runs_as, created_at) "
        + "VALUES (?, ?, ?, ?, ?, NOW())", school.schoolId, school.termId, date, kind, runsAs);
  }
}
