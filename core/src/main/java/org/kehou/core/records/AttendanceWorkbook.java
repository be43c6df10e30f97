package org.kehou.core.records;

import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Attendance sheets as XLSX: one worksheet per session (the daily sheet a teacher prints), or one per service day
 * with every session (the archive's monthly workbook).
 */
@Component
public class AttendanceWorkbook {

  private static final int[] SESSION_WIDTHS = {6, 14, 12, 10, 10, 12, 10, 24};
  private static final int[] DAY_WIDTHS = {16, 13, 14, 12, 10, 10, 12, 10, 24};

  private final RecordsTexts texts;

  AttendanceWorkbook(RecordsTexts texts) {
    this.texts = texts;
  }

  /**
   * The sessions' sheets, one worksheet each; {@code className} set when the sheets hold one class's children only.
   * A day without sessions still gets one worksheet saying so.
   *
   * @return the rows written (children, over all sessions)
   */
  public int sessions(String school, LocalDate date, List<SessionSheet> sheets, String className,
      OutputStream out) {
    try (XlsxBook book = texts.book()) {
      int rows = 0;
      if (sheets.isEmpty()) {
        book.sheet(texts.text("records.attendance.noneSheet"),
            texts.text("records.attendance.none", Map.of("date", RecordsTexts.date(date))),
            texts.list("records.attendance.headers"), SESSION_WIDTHS);
      }
      for (SessionSheet s : sheets) {
        Map<String, Object> values = Map.of("school", school, "date", RecordsTexts.date(s.date()), "offering",
            s.offering(), "startsAt", RecordsTexts.time(s.startsAt()), "endsAt", RecordsTexts.time(s.endsAt()),
            "className", className == null ? "" : className);
        XlsxSheet sheet = book.sheet(s.offering() + " " + RecordsTexts.time(s.startsAt()).replace(':', '.'),
            texts.text(className == null ? "records.attendance.title" : "records.attendance.classTitle", values),
            texts.list("records.attendance.headers"), SESSION_WIDTHS);
        int n = 0;
        for (AttendanceRow r : s.rows()) {
          sheet.row(++n, r.className(), r.name(), texts.status(r.status()), RecordsTexts.time(r.markedAt()),
              r.markedBy(), RecordsTexts.time(r.leftEarlyAt()), r.earlyReason());
        }
        rows += n;
        sheet.row(texts.text("records.attendance.total", totals(s)));
      }
      book.write(out);
      return rows;
    }
  }

  /**
   * The archive's month: one worksheet per service day listing every session's children.
   *
   * @return the rows written
   */
  public int days(String school, List<DayRecord> days, OutputStream out) {
    try (XlsxBook book = texts.book()) {
      int rows = 0;
      for (DayRecord day : days) {
        if (!day.day().service()) {
          continue;
        }
        XlsxSheet sheet = book.sheet(day.date().toString(), texts.text("records.attendance.dayTitle",
            Map.of("school", school, "date", RecordsTexts.date(day.date()))),
            texts.list("records.attendance.dayHeaders"), DAY_WIDTHS);
        for (SessionSheet s : day.sessions()) {
          String times = RecordsTexts.time(s.startsAt()) + "—" + RecordsTexts.time(s.endsAt());
          for (AttendanceRow r : s.rows()) {
            sheet.row(s.offering(), times, r.className(), r.name(), texts.status(r.status()),
                RecordsTexts.time(r.markedAt()), r.markedBy(), RecordsTexts.time(r.leftEarlyAt()), r.earlyReason());
          }
        }
        rows += sheet.rows();
      }
      if (rows == 0 && days.stream().noneMatch(d -> d.day().service())) {
        book.sheet(texts.text("records.attendance.noneSheet"), texts.text("records.attendance.none",
            Map.of("date", "")), texts.list("records.attendance.dayHeaders"), DAY_WIDTHS);
      }
      book.write(out);
      return rows;
    }
  }

  private Map<String, Object> totals(SessionSheet s) {
    Tally t = s.tally();
    return Map.of("expected", t.expected(), "present", t.present(), "absent", t.absent(), "leave", t.leave(),
        "earlyLeave", t.earlyLeave(), "unmarked", t.unmarked(), "rate", texts.rate(t), "teacher",
        s.teacher() == null ? texts.text("records.attendance.noTeacher") : s.teacher());
  }
}
