package org.kehou.core.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.kehou.core.offering.Weekday;
import org.kehou.core.testing.SchoolFixture;
import org.kehou.core.testing.SettableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A school of its own per test, its term around today (winter times: SchoolFixture's summer is over), and the clock
 * set to a Wednesday morning a week or two ahead, so that the days of the week each test needs are known.
 */
@SpringBootTest
@Import(SettableClock.Config.class)
abstract class CalendarTestSupport {

  /** A Wednesday well inside SchoolFixture's term (which runs from 30 days ago to 120 days ahead). */
  static final LocalDate WEDNESDAY = LocalDate.now(SettableClock.BEIJING).plusDays(7)
      .with(TemporalAdjusters.nextOrSame(DayOfWeek.WEDNESDAY));
  static final LocalDate THURSDAY = WEDNESDAY.plusDays(1);
  static final LocalDate SATURDAY = WEDNESDAY.plusDays(3);
  static final LocalDate MONDAY = WEDNESDAY.plusDays(5);

  @Autowired JdbcTemplate jdbc;
  @Autowired SettableClock clock;
  @Autowired CalendarService calendar;
  @Autowired Timetable timetable;
  @Autowired SchoolCalendar schoolCalendar;

  SchoolFixture school;
  long admin;
  long teacher;
  long classId;

  record Family(long student, long guardian, long application) {
  }

  @BeforeEach
  void aSchoolOnAWednesdayMorning() {
    clock.set(WEDNESDAY.atTime(10, 0));
    school = new SchoolFixture(jdbc);
    admin = school.staff("SCHOOL_ADMIN");
    teacher = school.staff("CLASS_TEACHER");
    classId = school.schoolClass(3, "三年级1班", teacher);
  }

  void at(LocalDateTime time) {
    clock.set(time);
  }

  /** An offering with its own times: ending at 17:30 it runs to the close of the service (winter). */
  long offering(String name, int weekdays, String startsAt, String endsAt) {
    jdbc.update("INSERT INTO offering (school_id, term_id, name, kind, weekdays, grades, capacity, starts_at, ends_at, "
        + "teacher_id) VALUES (?, ?, ?, 'CLUB', ?, 63, 30, ?, ?, ?)", school.schoolId, school.termId, name, weekdays,
        LocalTime.parse(startsAt), LocalTime.parse(endsAt), teacher);
    return jdbc.queryForObject("SELECT id FROM offering WHERE term_id = ? AND name = ?", Long.class, school.termId,
        name);
  }

  /** A child with a bound guardian, enrolled (ACTIVE, seated) from {@code activeFrom} in the offerings. */
  Family enrolled(String child, LocalDate activeFrom, long... offerings) {
    long student = school.student(classId, child, "NONE");
    long guardian = school.guardian(child.charAt(0) + "妈妈", student, "母亲");
    school.bindWeChat(guardian);
    return new Family(student, guardian, activate(school.application(student, guardian, "SEATED", offerings),
        activeFrom));
  }

  /** The guardian's second child, enrolled likewise. */
  Family sibling(Family family, String child, LocalDate activeFrom, long... offerings) {
    long student = school.student(classId, child, "NONE");
    jdbc.update("INSERT INTO student_guardian (student_id, guardian_id, relation) VALUES (?, ?, '母亲')", student,
        family.guardian());
    return new Family(student, family.guardian(),
        activate(school.application(student, family.guardian(), "SEATED", offerings), activeFrom));
  }

  long activate(long application, LocalDate activeFrom) {
    jdbc.update("UPDATE application SET state = 'ACTIVE', active_from = ? WHERE id = ?", activeFrom, application);
    return application;
  }

  CalendarEntry add(LocalDate day, DayKind kind, Weekday runsAs, String note) {
    return calendar.add(school.schoolId, school.termId, new EntryDraft(day, kind, runsAs, note), admin);
  }

  List<String> sessionNames(LocalDate day) {
    return timetable.on(school.schoolId, day).sessions().stream().map(Session::offering).toList();
  }

  /** Two nodes running the calendar job at the same moment. */
  static void twiceAtOnce(CalendarTicker ticker, LocalDateTime at) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> runs = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        runs.add(pool.submit(() -> {
          start.await();
          ticker.tickAt(at);
          return null;
        }));
      }
      start.countDown();
      for (Future<?> run : runs) {
        run.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdown();
    }
  }

  static int mask(Weekday... days) {
    return Weekday.mask(List.of(days));
  }
}
