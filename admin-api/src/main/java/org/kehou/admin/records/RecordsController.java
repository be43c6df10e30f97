package org.kehou.admin.records;

import io.swagger.v3.oas.annotations.Operation;
import java.io.ByteArrayOutputStream;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.kehou.admin.web.ApiException;
import org.kehou.core.records.AttendanceRecords;
import org.kehou.core.records.AttendanceRow;
import org.kehou.core.records.AttendanceWorkbook;
import org.kehou.core.records.DayRecord;
import org.kehou.core.records.PeriodReport;
import org.kehou.core.records.SessionSheet;
import org.kehou.core.records.StatisticsWorkbook;
import org.kehou.core.roster.ClassMapper;
import org.kehou.core.roster.SchoolClass;
import org.kehou.core.school.SchoolMapper;
import org.kehou.core.staff.Staff;
import org.kehou.core.text.Texts;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Attendance sheets and statistics as XLSX workbooks. A day's sheets: the school admin gets every session, a session's
 * teacher the sessions they teach whole, a class teacher the children of their own classes in any other. Statistics
 * of a class: the school admin and that class's class teacher; of the whole school: the school admin only.
 */
@RestController
class RecordsController {

  private final AttendanceRecords records;
  private final AttendanceWorkbook attendance;
  private final StatisticsWorkbook statistics;
  private final ClassMapper classes;
  private final SchoolMapper schools;
  private final Texts texts;

  RecordsController(AttendanceRecords records, AttendanceWorkbook attendance, StatisticsWorkbook statistics,
      ClassMapper classes, SchoolMapper schools, Texts texts) {
    this.records = records;
    this.attendance = attendance;
    this.statistics = statistics;
    this.classes = classes;
    this.schools = schools;
    this.texts = texts;
  }

  @Operation(summary = "The date's attendance sheets (XLSX, one worksheet per session), or one session's with "
      + "offering=; scoped to the caller's sessions and classes unless admin")
  @GetMapping("/api/v1/records/attendance")
  ResponseEntity<byte[]> attendance(Staff me, @RequestParam String date,
      @RequestParam(required = false) Long offering) {
    LocalDate day = parse(date, "records.staff.invalidDate");
    DayRecord record = records.day(me.schoolId(), day);
    List<SessionSheet> sessions = record.sessions();
    if (offering != null) {
      sessions = sessions.stream().filter(s -> s.offeringId() == offering).toList();
      if (sessions.isEmpty()) {
        throw new ApiException(HttpStatus.NOT_FOUND, "SESSION_NOT_FOUND", "records.staff.sessionNotFound",
            Map.of("date", date));
      }
    }
    List<SessionSheet> visible = sessions.stream().map(s -> visiblePart(me, s))
        .filter(s -> me.isAdmin() || teaches(me, s) || !s.rows().isEmpty()).toList();
    if (offering != null && visible.isEmpty()) {
      throw ApiException.forbidden();
    }
    boolean partial = visible.stream().anyMatch(s -> !me.isAdmin() && !teaches(me, s));
    String className = partial ? visible.stream().flatMap(s -> s.rows().stream()).map(AttendanceRow::className)
        .distinct().sorted().collect(Collectors.joining("、")) : null;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    attendance.sessions(schoolName(me), day, visible, className, out);
    String name = offering == null
        ? texts.message("records.download.attendance", Map.of("day", day))
        : texts.message("records.download.sessionAttendance",
            Map.of("day", day, "offering", visible.get(0).offering()));
    return Downloads.file(Downloads.XLSX, "attendance-" + day + ".xlsx", name, out.toByteArray());
  }

  @Operation(summary = "Weekly attendance statistics (XLSX) of the week holding week=: of a class with class= "
      + "(its class teacher or the admin), of the school without (admin only)")
  @GetMapping("/api/v1/records/weekly")
  ResponseEntity<byte[]> weekly(Staff me, @RequestParam String week,
      @RequestParam(name = "class", required = false) Long classId) {
    LocalDate monday = parse(week, "records.staff.invalidWeek").with(DayOfWeek.MONDAY);
    SchoolClass c = scope(me, classId);
    PeriodReport report = AttendanceRecords.summarise(records.days(me.schoolId(), monday, monday.plusDays(6)),
        monday, monday.plusDays(6), c == null ? null : c.id(), c == null ? null : c.name());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    statistics.week(schoolName(me), report, out);
    return Downloads.file(Downloads.XLSX, "weekly-" + monday + ".xlsx",
        texts.message("records.download.weekly", Map.of("scope", scopeName(c), "monday", monday)), out.toByteArray());
  }

  @Operation(summary = "The monthly attendance summary (XLSX): of a class with class= (its class teacher or the "
      + "admin), of the school without (admin only)")
  @GetMapping("/api/v1/records/monthly")
  ResponseEntity<byte[]> monthly(Staff me, @RequestParam String month,
      @RequestParam(name = "class", required = false) Long classId) {
    YearMonth ym;
    try {
      ym = YearMonth.parse(month);
    } catch (DateTimeParseException e) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "INVALID", "records.staff.invalidMonth");
    }
    SchoolClass c = scope(me, classId);
    PeriodReport report = AttendanceRecords.summarise(records.days(me.schoolId(), ym.atDay(1), ym.atEndOfMonth()),
        ym.atDay(1), ym.atEndOfMonth(), c == null ? null : c.id(), c == null ? null : c.name());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    statistics.month(schoolName(me), report, out);
    return Downloads.file(Downloads.XLSX, "monthly-" + ym + ".xlsx",
        texts.message("records.download.monthly", Map.of("scope", scopeName(c), "month", ym)), out.toByteArray());
  }

  private String scopeName(SchoolClass c) {
    return c == null ? texts.message("records.download.school") : c.name();
  }

  /** The class asked for, checked; null for the whole school, which only the admin gets. */
  private SchoolClass scope(Staff me, Long classId) {
    if (classId == null) {
      if (!me.isAdmin()) {
        throw new ApiException(HttpStatus.FORBIDDEN, "CLASS_REQUIRED", "records.staff.classRequired");
      }
      return null;
    }
    SchoolClass c = classes.findById(classId).filter(found -> found.schoolId() == me.schoolId()).orElse(null);
    if (!me.isAdmin() && (c == null || !c.taughtBy(me.id()))) {
      throw new ApiException(HttpStatus.FORBIDDEN, "CLASS_FORBIDDEN", "error.classForbidden");
    }
    if (c == null) {
      throw new ApiException(HttpStatus.NOT_FOUND, "CLASS_NOT_FOUND", "error.classNotFound",
          Map.of("name", String.valueOf(classId)));
    }
    return c;
  }

  private static SessionSheet visiblePart(Staff me, SessionSheet s) {
    if (me.isAdmin() || teaches(me, s)) {
      return s;
    }
    return new SessionSheet(s.date(), s.offeringId(), s.offering(), s.room(), s.startsAt(), s.endsAt(),
        s.teacherId(), s.teacher(), s.rows().stream()
        .filter(r -> r.classTeacherId() != null && r.classTeacherId() == me.id()).toList());
  }

  private static boolean teaches(Staff me, SessionSheet s) {
    return s.teacherId() != null && s.teacherId() == me.id();
  }

  private String schoolName(Staff me) {
    return schools.findSchool(me.schoolId()).orElseThrow().name();
  }

  private static LocalDate parse(String date, String textKey) {
    try {
      return LocalDate.parse(date);
    } catch (DateTimeParseException e) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "INVALID", textKey);
    }
  }
}
