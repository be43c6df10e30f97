package org.kehou.core.records;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kehou.core.calendar.DaySessions;
import org.kehou.core.calendar.RosterChild;
import org.kehou.core.calendar.Session;
import org.kehou.core.calendar.Timetable;
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

  private final Timetable timetable;
  private final RecordsMapper mapper;

  AttendanceRecords(Timetable timetable, RecordsMapper mapper) {
    this.timetable = timetable;
    this.mapper = mapper;
  }

  public DayRecord day(long schoolId, LocalDate date) {
    DaySessions today = timetable.on(schoolId, date);
    if (!today.day().service() || today.sessions().isEmpty()) {
      return new DayRecord(date, today.day(), List.of());
    }
    List<Long> ids = today.sessions().stream().map(Session::offeringId).toList();
    Map<String, RecordsMapper.MarkRow> marks = new HashMap<>();
    mapper.marks(date, ids).forEach(m -> marks.put(m.offeringId() + ":" + m.studentId(), m));
    Map<String, RecordsMapper.EarlyLeaveRow> early = new HashMap<>();
    mapper.earlyLeaves(date, ids).forEach(e -> early.put(e.offeringId() + ":" + e.studentId(), e));
    Map<Long, List<RosterChild>> leave = timetable.onLeave(schoolId, date);
    List<SessionSheet> sheets = new ArrayList<>();
    for (Session s : today.sessions()) {
      List<AttendanceRow> rows = new ArrayList<>();
      for (RosterChild child : s.children()) {
        String key = s.offeringId() + ":" + child.studentId();
        RecordsMapper.MarkRow mark = marks.get(key);
        RecordsMapper.EarlyLeaveRow gone = early.get(key);
        AttendanceStatus status = mark == null ? AttendanceStatus.UNMARKED
            : mark.present() ? AttendanceStatus.PRESENT : AttendanceStatus.ABSENT;
        rows.add(new AttendanceRow(child.studentId(), child.name(), child.classId(), child.className(),
            child.classTeacherId(), status, mark == null ? null : mark.markedAt(),
            mark == null ? null : mark.markedBy(), gone == null ? null : gone.leftAt(),
            gone == null ? null : gone.reason()));
      }
      for (RosterChild child : leave.getOrDefault(s.offeringId(), List.of())) {
        rows.add(new AttendanceRow(child.studentId(), child.name(), child.classId(), child.className(),
            child.classTeacherId(), AttendanceStatus.LEAVE, null, null, null, null));
      }
      rows.sort(BY_CLASS);
      sheets.add(new SessionSheet(date, s.offeringId(), s.offering(), s.room(), s.startsAt(), s.endsAt(),
          s.teacherId(), s.teacher(), List.copyOf(rows)));
    }
    return new DayRecord(date, today.day(), sheets);
  }

  /** Every date from {@code from} to {@code to}, each with its sheets (none on a day without service). */
  public List<DayRecord> days(long schoolId, LocalDate from, LocalDate to) {
    List<DayRecord> days = new ArrayList<>();
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      days.add(day(schoolId, d));
    }
    return days;
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
