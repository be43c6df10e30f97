package org.kehou.core.records;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.kehou.core.testing.SchoolFixture;
import org.kehou.core.testing.SettableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A term from September 2026; 作业辅导 every weekday 15:30–16:30 taught by 赵老师, with 王小明, 李雷 and 韩梅梅 of
 * 三年级1班 and 张伟 of 三年级2班 enrolled since the term began. On Monday 12 October 王小明 is present, 李雷 absent,
 * 韩梅梅 on leave and 张伟 present and taken early at 16:05 (看牙); on Tuesday everyone is present; the rest of the
 * week nobody took the roll call.
 */
@SpringBootTest
@Import(SettableClock.Config.class)
abstract class RecordsTestSupport {

  static final LocalDate MONDAY = LocalDate.of(2026, 10, 12);

  @Autowired JdbcTemplate jdbc;
  @Autowired SettableClock clock;
  @Autowired AttendanceRecords records;

  SchoolFixture school;
  long teacher;
  long classOne;
  long classTwo;
  long homework;
  long xiaoming;
  long lilei;
  long hanmeimei;
  long zhangwei;

  @BeforeEach
  void aWeekOfHomeworkCare() {
    clock.set(LocalDate.of(2026, 11, 3).atTime(9, 0));
    school = new SchoolFixture(jdbc);
    jdbc.update("UPDATE term SET starts_on = '2026-09-01', ends_on = '2027-01-20', summer_starts_on = NULL, "
        + "summer_ends_on = NULL WHERE id = ?", school.termId);
    teacher = school.staff("DUTY_TEACHER");
    jdbc.update("UPDATE staff SET display_name = '赵老师' WHERE id = ?", teacher);
    classOne = school.schoolClass(3, "三年级1班", null);
    classTwo = school.schoolClass(3, "三年级2班", null);
    homework = school.offering("作业辅导", 50);
    jdbc.update("UPDATE offering SET teacher_id = ? WHERE id = ?", teacher, homework);
    xiaoming = enrolled(classOne, "王小明");
    lilei = enrolled(classOne, "李雷");
    hanmeimei = enrolled(classOne, "韩梅梅");
    zhangwei = enrolled(classTwo, "张伟");
    long mother = jdbc.queryForObject("SELECT guardian_id FROM student_guardian WHERE student_id = ?", Long.class,
        hanmeimei);
    jdbc.update("INSERT INTO leave_request (school_id, student_id, day, reason, asked_by_guardian, asked_at) "
        + "VALUES (?, ?, ?, '发烧', ?, NOW())", school.schoolId, hanmeimei, MONDAY, mother);
    mark(MONDAY, xiaoming, true, "15:35");
    mark(MONDAY, lilei, true, "15:35");
    mark(MONDAY, lilei, false, "15:36"); // a correction: the latest mark counts
    mark(MONDAY, zhangwei, true, "15:35");
    long father = jdbc.queryForObject("SELECT guardian_id FROM student_guardian WHERE student_id = ?", Long.class,
        zhangwei);
    jdbc.update("INSERT INTO handover (school_id, offering_id, session_date, student_id, kind, guardian_id, "
        + "collector_name, collector_relation, left_at, reason, recorded_by, recorded_at) VALUES (?, ?, ?, ?, "
        + "'EARLY_LEAVE', ?, '张爸爸', '父亲', ?, '看牙', ?, ?)", school.schoolId, homework, MONDAY, zhangwei, father,
        MONDAY.atTime(16, 5), teacher, MONDAY.atTime(16, 5));
    for (long child : new long[] {xiaoming, lilei, hanmeimei, zhangwei}) {
      mark(MONDAY.plusDays(1), child, true, "15:40");
    }
  }

  long enrolled(long classId, String name) {
    long student = school.student(classId, name, "NONE");
    long guardian = school.guardian(name.charAt(0) + "家长", student, "母亲");
    long application = school.application(student, guardian, "SEATED", homework);
    jdbc.update("UPDATE application SET state = 'ACTIVE', active_from = '2026-09-01' WHERE id = ?", application);
    return student;
  }

  void mark(LocalDate day, long student, boolean present, String at) {
    jdbc.update("INSERT INTO roll_call_mark (school_id, offering_id, session_date, student_id, present, marked_by, "
        + "marked_at) VALUES (?, ?, ?, ?, ?, ?, ?)", school.schoolId, homework, day, student, present, teacher,
        day.atTime(LocalTime.parse(at)));
  }

  static XSSFWorkbook open(Consumer<OutputStream> writer) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writer.accept(out);
    try {
      return new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A cell as the sheet shows it: text, a whole number, or a rate (double); null when empty. */
  static Object cell(Sheet sheet, int row, int column) {
    Row r = sheet.getRow(row);
    Cell c = r == null ? null : r.getCell(column);
    if (c == null || c.getCellType() == CellType.BLANK) {
      return null;
    }
    if (c.getCellType() == CellType.NUMERIC) {
      double v = c.getNumericCellValue();
      return v == Math.rint(v) && !c.getCellStyle().getDataFormatString().contains("%") ? (Object) (long) v : v;
    }
    return c.getStringCellValue();
  }

  static Object[] row(Sheet sheet, int row, int columns) {
    Object[] values = new Object[columns];
    for (int i = 0; i < columns; i++) {
      values[i] = cell(sheet, row, i);
    }
    return values;
  }
}
