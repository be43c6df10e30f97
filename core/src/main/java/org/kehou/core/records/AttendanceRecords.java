package org.kehou.core.records;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeMap;
import org.kehou.core.calendar.DayRoll;
import org.kehou.core.calendar.RosterChild;
import org.kehou.core.calendar.ServiceDay;
import org.kehou.core.calendar.Session;
import org.kehou.core.calendar.SessionSpan;
import org.kehou.core.school.SchoolMapper;
import org.kehou.core.school.Term;
import org.kehou.core.records.PeriodReport.ChildLine;
import org.kehou.core.records.PeriodReport.ClassLine;
import org.kehou.core.records.PeriodReport.DayLine;
import org.springframework.stereotype.Service;

/**
 * Attendance as roll call and the rosters recorded it. A session's list is its roster (the children enrolled that day,
 * less those on leave and those taken early from an earlier session) plus its children on leave; each roster child
 * stands by the roll call's latest mark, or unmarked. Nothing is stored: the sheets are computed from the records, so
 * a correction made later shows in every sheet printed after it.
 */
@Service
public class AttendanceRecords {

  private static final Comparator<AttendanceRow> BY_CLASS = Comparator.comparing(AttendanceRow::className);

  private final SessionSpan span;
  private final RecordsMapper mapper;
  private final SchoolMapper schools;

  AttendanceRecords(SessionSpan span, RecordsMapper mapper, SchoolMapper schools) {
    this.span = span;
    this.mapper = mapper;
    this.schools = schools;
  }

  public DayRecord day(long schoolId, LocalDate date) {
    return days(schoolId, date, date).get(0);
  }

  /** Every date from {@code from} to {@code to}, each with its sheets (none on a day without service). */
  public List<DayRecord> days(long schoolId, LocalDate from, LocalDate to) {
    Map<LocalDate, DayRecord> days = new TreeMap<>();
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      days.put(d, new DayRecord(d, new ServiceDay(d, null, false, null, null, null, null, null), List.of()));
    }
    List<Term> terms = new ArrayList<>(schools.listTerms(schoolId));
    terms.sort(Comparator.comparing(Term::startsOn)); // overlapping terms: the later one counts, as in SchoolCalendar
    for (Term term : terms) {
      LocalDate a = from.isBefore(term.startsOn()) ? term.startsOn() : from;
      LocalDate b = to.isAfter(term.endsOn()) ? term.endsOn() : to;
      if (!a.isAfter(b)) {
        records(term, a, b).forEach(r -> days.put(r.date(), r));
      }
    }
    return List.copyOf(days.values());
  }

  private List<DayRecord> records(Term term, LocalDate from, LocalDate to) {
    List<DayRoll> rolls = span.of(term, from, to);
    Set<Long> ids = new HashSet<>();
    rolls.forEach(r -> r.sessions().forEach(s -> ids.add(s.offeringId())));
    Map<String, RecordsMapper.MarkRow> marks = new HashMap<>();
    Map<String, RecordsMapper.EarlyLeaveRow> early = new HashMap<>();
    if (!ids.isEmpty()) {
      mapper.marks(ids, from, to).forEach(m -> marks.put(key(m.day(), m.offeringId(), m.studentId()), m));
      mapper.earlyLeaves(ids, from, to).forEach(e -> early.put(key(e.day(), e.offeringId(), e.studentId()), e));
    }
    List<DayRecord> records = new ArrayList<>();
    for (DayRoll roll : rolls) {
      List<SessionSheet> sheets = new ArrayList<>();
      for (Session s : roll.sessions()) {
        List<AttendanceRow> rows = new ArrayList<>();
        for (RosterChild child : s.children()) {
          String key = key(s.date(), s.offeringId(), child.studentId());
          RecordsMapper.MarkRow mark = marks.get(key);
          RecordsMapper.EarlyLeaveRow gone = early.get(key);
          AttendanceStatus status = mark == null ? AttendanceStatus.UNMARKED
              : mark.present() ? AttendanceStatus.PRESENT : AttendanceStatus.ABSENT;
          rows.add(new AttendanceRow(child.studentId(), child.name(), child.classId(), child.className(),
              child.classTeacherId(), status, mark == null ? null : mark.markedAt(),
              mark == null ? null : mark.markedBy(), gone == null ? null : gone.leftAt(),
              gone == null ? null : gone.reason()));
        }
        for (RosterChild child : roll.onLeave().getOrDefault(s.offeringId(), List.of())) {
          rows.add(new AttendanceRow(child.studentId(), child.name(), child.classId(), child.className(),
              child.classTeacherId(), AttendanceStatus.LEAVE, null, null, null, null));
        }
        rows.sort(BY_CLASS);
        sheets.add(new SessionSheet(s.date(), s.offeringId(), s.offering(), s.room(), s.startsAt(), s.endsAt(),
            s.teacherId(), s.teacher(), List.copyOf(rows)));
      }
      records.add(new DayRecord(roll.day().date(), roll.day(), sheets));
    }
    return records;
  }

  private static String key(LocalDate day, long offeringId, long studentId) {
    return day + ":" + offeringId + ":" + studentId;
  }

  public PeriodReport period(long schoolId, LocalDate from, LocalDate to, Long classId) {
    return summarise(days(schoolId, from, to), from, to, classId, null);
  }

  /**
   * The days' attendance counted per service day, per class and per child, only of one class when {@code classId}
   * is given ({@code className} then names it in the report).
   */
  public static PeriodReport summarise(List<DayRecord> days, LocalDate from, LocalDate to, Long classId,
      String className) {
    List<DayLine> dayLines = new ArrayList<>();
    Map<Long, ClassLine> classes = new LinkedHashMap<>();
    Map<Long, ChildLine> children = new LinkedHashMap<>();
    int held = 0;
    Tally total = Tally.ZERO;
    for (DayRecord day : days) {
      if (day.date().isBefore(from) || day.date().isAfter(to) || !day.day().service()) {
        continue;
      }
      Tally ofDay = Tally.ZERO;
      int sessions = 0;
      for (SessionSheet sheet : day.sessions()) {
        SessionSheet mine = sheet.only(classId);
        if (mine.rows().isEmpty()) {
          continue;
        }
        sessions++;
        for (AttendanceRow row : mine.rows()) {
          ofDay = ofDay.plus(row);
          classes.compute(row.classId(), (id, line) -> new ClassLine(id, row.className(),
              (line == null ? Tally.ZERO : line.tally()).plus(row)));
          children.compute(row.studentId(), (id, line) -> new ChildLine(id, row.className(), row.name(),
              (line == null ? Tally.ZERO : line.tally()).plus(row)));
        }
      }
      held += sessions;
      total = total.plus(ofDay);
      dayLines.add(new DayLine(day.date(), sessions, ofDay));
    }
    List<ClassLine> classLines = new ArrayList<>(classes.values());
    classLines.sort(Comparator.comparing(ClassLine::className));
    List<ChildLine> childLines = new ArrayList<>(children.values());
    childLines.sort(Comparator.comparing(ChildLine::className));
    return new PeriodReport(from, to, className, held, total, dayLines, classLines, childLines);
  }
}
