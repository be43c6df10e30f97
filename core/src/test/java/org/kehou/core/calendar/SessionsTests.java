package org.kehou.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.kehou.core.agreement.ServiceDays;
import org.kehou.core.lifecycle.ApplicationRow;
import org.kehou.core.lifecycle.ApplicationState;
import org.kehou.core.offering.Weekday;
import org.springframework.beans.factory.annotation.Autowired;

class SessionsTests extends CalendarTestSupport {

  @Autowired ServiceDays serviceDays;

  @Test
  void holidayHasNoSessions() {
    long homework = offering("作业辅导", 0b11111, "15:30", "17:30");
    enrolled("王小明", WEDNESDAY, homework);
    assertThat(sessionNames(THURSDAY)).containsExactly("作业辅导");

    add(THURSDAY, DayKind.HOLIDAY, null, "国庆节");

    DaySessions thursday = timetable.on(school.schoolId, THURSDAY);
    assertThat(thursday.day().service()).isFalse();
    assertThat(thursday.day().kind()).isEqualTo(DayKind.HOLIDAY);
    assertThat(thursday.sessions()).isEmpty();
  }

  @Test
  void swappedSaturdayRunsMondayTimetable() {
    long calligraphy = offering("书法", mask(Weekday.MON), "15:30", "17:30");
    offering("围棋", mask(Weekday.TUE), "15:30", "17:30");
    Family child = enrolled("李雷", WEDNESDAY, calligraphy);
    assertThat(timetable.on(school.schoolId, SATURDAY).day().service()).as("an ordinary Saturday").isFalse();

    add(SATURDAY, DayKind.WORKDAY, Weekday.MON, "国庆调休");

    DaySessions saturday = timetable.on(school.schoolId, SATURDAY);
    assertThat(saturday.day().service()).isTrue();
    assertThat(saturday.day().runsAs()).isEqualTo(Weekday.MON);
    assertThat(saturday.sessions()).extracting(Session::offering).containsExactly("书法");
    assertThat(saturday.sessions().get(0).children()).extracting(RosterChild::studentId)
        .containsExactly(child.student());
  }

  @Test
  void seasonSwitchChangesSessionEnd() {
    // Summer time from next Monday to the term's last day but one.
    jdbc.update("UPDATE term SET summer_starts_on = ?, summer_ends_on = ends_on - INTERVAL 1 DAY WHERE id = ?", MONDAY,
        school.termId);
    long homework = offering("作业辅导", 0b11111, "15:30", "17:30");
    long club = offering("绘本阅读", 0b11111, "15:30", "16:30");
    enrolled("韩梅梅", WEDNESDAY, homework, club);

    assertThat(schoolCalendar.on(school.schoolId, THURSDAY).endsAt()).isEqualTo(LocalTime.of(17, 30));
    assertThat(endOf(THURSDAY, "作业辅导")).as("winter").isEqualTo(LocalTime.of(17, 30));
    assertThat(schoolCalendar.on(school.schoolId, MONDAY).endsAt()).isEqualTo(LocalTime.of(18, 0));
    assertThat(endOf(MONDAY, "作业辅导")).as("summer: a session running to the close follows the season")
        .isEqualTo(LocalTime.of(18, 0));
    assertThat(endOf(THURSDAY, "绘本阅读")).as("a shorter club keeps its own end").isEqualTo(LocalTime.of(16, 30));
    assertThat(endOf(MONDAY, "绘本阅读")).isEqualTo(LocalTime.of(16, 30));
  }

  @Test
  void theRosterHoldsTheChildrenWhoseEnrolmentIsActiveThatDay() {
    long homework = offering("作业辅导", 0b11111, "15:30", "17:30");
    Family active = enrolled("王小明", WEDNESDAY, homework);
    enrolled("李雷", THURSDAY.plusDays(1), homework);
    Family leaving = enrolled("韩梅梅", WEDNESDAY, homework);
    Family leftThatDay = enrolled("赵小丽", WEDNESDAY, homework);
    // ends_on is the first day without service (WithdrawalService: "from endsOn on no longer attends").
    jdbc.update("UPDATE application SET state = 'ENDED', ends_on = ? WHERE id = ?", THURSDAY.plusDays(1),
        leaving.application());
    jdbc.update("UPDATE application SET state = 'ENDED', ends_on = ? WHERE id = ?", THURSDAY,
        leftThatDay.application());
    long waiting = school.student(classId, "孙小强", "NONE");
    activate(school.application(waiting, school.guardian("孙妈妈", waiting, "母亲"), "WAITLISTED", homework), WEDNESDAY);

    assertThat(timetable.on(school.schoolId, THURSDAY).sessions().get(0).children())
        .extracting(RosterChild::studentId).containsExactlyInAnyOrder(active.student(), leaving.student());
  }

  @Test
  void nextServiceDaySkipsHolidayAndCountsSwappedDay() {
    long mondays = offering("书法", mask(Weekday.MON), "15:30", "17:30");
    Family child = enrolled("王小明", WEDNESDAY, mondays);
    ApplicationRow row = new ApplicationRow(child.application(), school.schoolId, school.termId, child.student(),
        "王小明", classId, teacher, ApplicationState.ACTIVE);
    assertThat(serviceDays.nextFor(row)).isEqualTo(MONDAY);

    add(MONDAY, DayKind.HOLIDAY, null, "中秋节");
    assertThat(serviceDays.nextFor(row)).as("the holiday is skipped").isEqualTo(MONDAY.plusDays(7));

    add(SATURDAY, DayKind.WORKDAY, Weekday.MON, "中秋调休");
    assertThat(serviceDays.nextFor(row)).as("the Saturday runs Monday's timetable").isEqualTo(SATURDAY);

    add(MONDAY.plusDays(7), DayKind.CANCELLED, null, "期中考试");
    at(SATURDAY.atTime(19, 0));
    assertThat(serviceDays.nextFor(row)).as("a cancellation is skipped too").isEqualTo(MONDAY.plusDays(14));
  }

  private LocalTime endOf(LocalDate day, String offering) {
    return timetable.on(school.schoolId, day).sessions().stream().filter(s -> s.offering().equals(offering))
        .findFirst().orElseThrow().endsAt();
  }
}
