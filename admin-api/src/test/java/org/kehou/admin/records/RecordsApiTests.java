package org.kehou.admin.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kehou.admin.LifecycleApiTest;
import org.kehou.core.staff.Staff;
import org.kehou.core.staff.StaffRole;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * 围棋 on last week's Monday with 王小明 of 三年级1班 (present) and 李雷 of 三年级2班 (absent), taught by a duty
 * teacher. Downloads are scoped: a class teacher gets their own class, the session's teacher the whole session.
 */
class RecordsApiTests extends LifecycleApiTest {

  static final LocalDate MONDAY = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusWeeks(1)
      .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));

  Staff duty;

  @BeforeEach
  void aSessionWithAPupilOfEachClass() {
    duty = newStaff(school.schoolId, StaffRole.DUTY_TEACHER);
    jdbc.update("UPDATE offering SET teacher_id = ? WHERE id = ?", duty.id(), chess);
    long own = enrolled(ownClass, "王小明");
    long other = enrolled(otherClass, "李雷");
    mark(own, true);
    mark(other, false);
  }

  long enrolled(long classId, String name) {
    Family family = apply(classId, name, "NONE");
    jdbc.update("UPDATE application SET state = 'ACTIVE', active_from = ? WHERE id = ?", MONDAY.minusDays(7),
        family.application());
    return family.student();
  }

  void mark(long student, boolean present) {
    jdbc.update("INSERT INTO roll_call_mark (school_id, offering_id, session_date, student_id, present, marked_by, "
        + "marked_at) VALUES (?, ?, ?, ?, ?, ?, ?)", school.schoolId, chess, MONDAY, student, present, duty.id(),
        MONDAY.atTime(15, 35));
  }

  ResponseEntity<byte[]> download(String path, String token) {
    return call(HttpMethod.GET, path, token, null, byte[].class);
  }

  static List<String> names(ResponseEntity<byte[]> response) throws Exception {
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(response.getBody()))) {
      Sheet sheet = book.getSheetAt(0);
      List<String> names = new ArrayList<>();
      for (int r = 2; r < sheet.getLastRowNum(); r++) {
        names.add(sheet.getRow(r).getCell(2).getStringCellValue());
      }
      return names;
    }
  }

  @Test
  void aClassTeacherDownloadsTheDaysSheetWithTheirOwnClassOnly() throws Exception {
    ResponseEntity<byte[]> sheet = download("/api/v1/records/attendance?date=" + MONDAY, teacherToken);

    assertThat(sheet.getStatusCode().value()).isEqualTo(200);
    assertThat(sheet.getHeaders().getContentType().toString())
        .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    assertThat(sheet.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).isEqualTo("attachment; filename=\""
        + "attendance-" + MONDAY + ".xlsx\"; filename*=UTF-8''%E5%87%BA%E5%8B%A4%E8%A1%A8-" + MONDAY + ".xlsx");
    assertThat(names(sheet)).containsExactly("王小明");
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(sheet.getBody()))) {
      assertThat(book.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).endsWith("出勤表（三年级1班）");
      assertThat(book.getSheetAt(0).getRow(2).getCell(3).getStringCellValue()).isEqualTo("出勤");
    }
  }

  @Test
  void theSessionsTeacherAndTheAdminGetEveryChild() throws Exception {
    String path = "/api/v1/records/attendance?date=" + MONDAY + "&offering=" + chess;

    assertThat(names(download(path, login(duty)))).containsExactly("王小明", "李雷");
    ResponseEntity<byte[]> admins = download(path, admin);
    assertThat(names(admins)).containsExactly("王小明", "李雷");
    assertThat(admins.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
        .endsWith("%E5%87%BA%E5%8B%A4%E8%A1%A8-" + MONDAY + "-%E5%9B%B4%E6%A3%8B.xlsx");
  }

  @Test
  void aTeacherWithNobodyInTheSessionIsRefusedAndAMissingSessionIsNotFound() {
    Staff stranger = newStaff(school.schoolId, StaffRole.CLASS_TEACHER);

    ResponseEntity<Map> refused = get("/api/v1/records/attendance?date=" + MONDAY + "&offering=" + chess,
        login(stranger));
    ResponseEntity<Map> missing = get("/api/v1/records/attendance?date=" + MONDAY.minusDays(1) + "&offering="
        + chess, admin);
    ResponseEntity<Map> invalid = get("/api/v1/records/attendance?date=12-05", admin);

    assertThat(refused.getStatusCode().value()).isEqualTo(403);
    assertThat(missing.getStatusCode().value()).isEqualTo(404);
    assertThat(missing.getBody()).containsEntry("code", "SESSION_NOT_FOUND");
    assertThat(invalid.getStatusCode().value()).isEqualTo(400);
    assertThat((String) invalid.getBody().get("detail")).contains("2026-10-09");
  }

  @Test
  void aClassTeacherGetsTheirClassesStatisticsAndOnlyTheAdminTheSchools() throws Exception {
    ResponseEntity<byte[]> own = download("/api/v1/records/weekly?week=" + MONDAY.plusDays(2) + "&class=" + ownClass,
        teacherToken);
    ResponseEntity<Map> other = get("/api/v1/records/weekly?week=" + MONDAY + "&class=" + otherClass, teacherToken);
    ResponseEntity<Map> school = get("/api/v1/records/monthly?month=" + MONDAY.toString().substring(0, 7),
        teacherToken);
    ResponseEntity<byte[]> schools = download("/api/v1/records/monthly?month=" + MONDAY.toString().substring(0, 7),
        admin);

    assertThat(own.getStatusCode().value()).isEqualTo(200);
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(own.getBody()))) {
      assertThat(book.getSheetName(0)).isEqualTo("按日");
      Sheet children = book.getSheet("按学生");
      assertThat(children.getRow(2).getCell(1).getStringCellValue()).isEqualTo("王小明");
      assertThat(children.getLastRowNum()).as("one child and the total").isEqualTo(3);
    }
    assertThat(other.getStatusCode().value()).isEqualTo(403);
    assertThat(other.getBody()).containsEntry("code", "CLASS_FORBIDDEN");
    assertThat(school.getStatusCode().value()).isEqualTo(403);
    assertThat(school.getBody()).containsEntry("code", "CLASS_REQUIRED");
    assertThat(schools.getStatusCode().value()).isEqualTo(200);
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(schools.getBody()))) {
      Sheet classes = book.getSheet("按班级");
      assertThat(classes.getRow(2).getCell(0).getStringCellValue()).isEqualTo("三年级1班");
      assertThat(classes.getRow(3).getCell(0).getStringCellValue()).isEqualTo("三年级2班");
      assertThat(classes.getRow(4).getCell(0).getStringCellValue()).isEqualTo("合计");
    }
  }

  @Test
  void onlyTheAdminDownloadsTheYearlyReport() throws Exception {
    int year = MONDAY.getMonthValue() >= 8 ? MONDAY.getYear() : MONDAY.getYear() - 1;

    ResponseEntity<byte[]> report = download("/api/v1/records/yearly?year=" + year, admin);

    assertThat(report.getStatusCode().value()).isEqualTo(200);
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(report.getBody()))) {
      assertThat(book.getSheet("年度报告").getRow(13).getCell(0).getStringCellValue()).isEqualTo("教师课时补助（元）");
    }
    assertThat(get("/api/v1/records/yearly?year=" + year, teacherToken).getStatusCode().value()).isEqualTo(403);
    assertThat(get("/api/v1/records/yearly?year=26-27", admin).getStatusCode().value()).isEqualTo(400);
  }
}
