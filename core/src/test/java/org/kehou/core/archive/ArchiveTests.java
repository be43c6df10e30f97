package org.kehou.core.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kehou.core.fee.FeeStatements;
import org.kehou.core.testing.SchoolFixture;
import org.kehou.core.testing.SettableClock;
import org.kehou.core.text.Texts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A term from 1 September 2026, archived on 3 November: 王小明 and 李雷 of 三年级1班 in 作业辅导 every weekday; 王小明's
 * agreement signed by 王妈妈, 李雷's application published and objected to; one absence case, one hand-over, one
 * notice that one of the two families confirmed; October's fees issued.
 */
@SpringBootTest
@Import(SettableClock.Config.class)
class ArchiveTests {

  static final String AGREEMENT = "课后服务委托协议\n甲方：测试小学\n乙方：王妈妈\n学生：王小明\n";

  @Autowired JdbcTemplate jdbc;
  @Autowired SettableClock clock;
  @Autowired TermArchives archives;
  @Autowired FeeStatements fees;

  SchoolFixture school;
  long admin;
  long xiaoming;
  long lilei;
  long xiaomingsApplication;
  long teacher;
  long homework;

  @BeforeEach
  void aTermWithSomethingOfEveryKind() {
    clock.set(LocalDate.of(2026, 11, 3).atTime(9, 0));
    school = new SchoolFixture(jdbc);
    jdbc.update("UPDATE term SET starts_on = '2026-09-01', ends_on = '2027-01-20', summer_starts_on = NULL, "
        + "summer_ends_on = NULL WHERE id = ?", school.termId);
    admin = school.staff("SCHOOL_ADMIN");
    long classId = school.schoolClass(3, "三年级1班", null);
    homework = school.offering("作业辅导", 50);
    xiaoming = school.student(classId, "王小明", "NONE");
    long mother = school.guardian("王妈妈", xiaoming, "母亲");
    xiaomingsApplication = school.application(xiaoming, mother, "SEATED", homework);
    jdbc.update("UPDATE application SET state = 'ACTIVE', active_from = '2026-09-01', "
        + "publicity_starts_at = '2026-08-20 08:00', publicity_ends_at = '2026-08-23 08:00' WHERE id = ?",
        xiaomingsApplication);
    jdbc.update("INSERT INTO application_history (application_id, from_state, to_state, actor_kind, actor_id, reason, "
        + "at) VALUES (?, 'SUBMITTED', 'CLASS_APPROVED', 'STAFF', ?, NULL, '2026-08-18 10:00')", xiaomingsApplication,
        admin);
    jdbc.update("INSERT INTO agreement_document (application_id, template_version, sha256, body, created_at) "
        + "VALUES (?, 'v3', ?, ?, '2026-08-24 09:00')", xiaomingsApplication, Texts.sha256(AGREEMENT), AGREEMENT);
    jdbc.update("INSERT INTO agreement_signature (agreement_document_id, application_id, guardian_id, openid, "
        + "template_version, sha256, signed_at) SELECT id, application_id, ?, 'o-test', 'v3', sha256, "
        + "'2026-08-25 20:00' FROM agreement_document WHERE application_id = ?", mother, xiaomingsApplication);
    lilei = school.student(classId, "李雷", "HARDSHIP");
    long father = school.guardian("李爸爸", lilei, "父亲");
    long lileisApplication = school.application(lilei, father, "SEATED", homework);
    jdbc.update("UPDATE application SET state = 'IN_PUBLICITY', publicity_starts_at = '2026-10-30 08:00', "
        + "publicity_ends_at = '2026-11-05 08:00' WHERE id = ?", lileisApplication);
    jdbc.update("INSERT INTO publicity_objection (application_id, reason, recorded_by, recorded_at) "
        + "VALUES (?, '家中有老人接送', ?, '2026-10-31 10:00')", lileisApplication, admin);
    jdbc.update("INSERT INTO roll_call_mark (school_id, offering_id, session_date, student_id, present, marked_by, "
        + "marked_at) VALUES (?, ?, '2026-10-12', ?, 0, ?, '2026-10-12 15:35')", school.schoolId, homework, xiaoming,
        admin);
    jdbc.update("INSERT INTO absence_case (school_id, offering_id, session_date, student_id, opened_at, opened_by, "
        + "closed_at, closed_by, outcome) VALUES (?, ?, '2026-10-12', ?, '2026-10-12 15:35', ?, '2026-10-12 15:50', "
        + "?, 'CHILD_AT_HOME')", school.schoolId, homework, xiaoming, admin, admin);
    jdbc.update("INSERT INTO absence_case_event (case_id, kind, at, guardian_id, text) SELECT id, 'GUARDIAN_REPLY', "
        + "'2026-10-12 15:45', ?, '孩子在家' FROM absence_case WHERE student_id = ?", mother, xiaoming);
    jdbc.update("INSERT INTO handover (school_id, offering_id, session_date, student_id, kind, guardian_id, "
        + "collector_name, collector_relation, left_at, recorded_by, recorded_at) VALUES (?, ?, '2026-10-13', ?, "
        + "'HANDED_OVER', ?, '王妈妈', '母亲', '2026-10-13 16:35', ?, '2026-10-13 16:35')", school.schoolId, homework,
        xiaoming, mother, admin);
    jdbc.update("INSERT INTO parent_notice (school_id, sender_id, audience_kind, audience_id, audience_name, title, "
        + "body, confirm_required, confirm_by, urgent, created_at) VALUES (?, ?, 'CLASS', ?, '三年级1班', '停课通知', "
        + "'周五停课一天', 1, '2026-10-20 18:00', 0, '2026-10-19 09:00')", school.schoolId, admin, classId);
    long notice = jdbc.queryForObject("SELECT id FROM parent_notice WHERE school_id = ?", Long.class, school.schoolId);
    jdbc.update("INSERT INTO parent_notice_guardian (notice_id, guardian_id, seq, confirmed_at, confirmed_via) "
        + "VALUES (?, ?, 1, '2026-10-19 10:00', 'CHAT'), (?, ?, 1, NULL, NULL)", notice, mother, notice, father);
    jdbc.update("INSERT INTO parent_notice_child (notice_id, student_id, guardian_id) VALUES (?, ?, ?), (?, ?, ?)",
        notice, xiaoming, mother, notice, lilei, father);
    fees.issue(school.schoolId, YearMonth.of(2026, 10));
    teacher = school.staff("DUTY_TEACHER");
    jdbc.update("UPDATE staff SET real_name = '周敏' WHERE id = ?", teacher);
    for (String day : List.of("2026-10-12", "2026-10-13")) {
      jdbc.update("INSERT INTO duty_assignment (school_id, offering_id, staff_id, role, session_date, created_by, "
          + "created_at) VALUES (?, ?, ?, 'TEACHER', ?, ?, '2026-10-01 09:00')", school.schoolId, homework, teacher,
          day, admin);
    }
    jdbc.update("INSERT INTO duty_sign (school_id, offering_id, session_date, staff_id, kind, role, at, channel, "
        + "recorded_by) VALUES (?, ?, '2026-10-12', ?, 'IN', 'TEACHER', '2026-10-12 15:25', 'WECHAT', ?), "
        + "(?, ?, '2026-10-12', ?, 'OUT', 'TEACHER', '2026-10-12 16:31', 'WECHAT', ?)", school.schoolId, homework,
        teacher, teacher, school.schoolId, homework, teacher, teacher);
  }

  Map<String, byte[]> built(long id) throws Exception {
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    assertThat(archives.download(archives.status(school.schoolId, id).orElseThrow(), zip)).isTrue();
    Map<String, byte[]> files = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.toByteArray()), StandardCharsets.UTF_8)) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        files.put(e.getName(), in.readAllBytes());
      }
    }
    return files;
  }

  static Sheet sheet(byte[] xlsx, String name) throws Exception {
    return new XSSFWorkbook(new ByteArrayInputStream(xlsx)).getSheet(name);
  }

  @Test
  void theArchiveHoldsEveryExpectedFileAndTheIndexListsThemWithTheirRows() throws Exception {
    long id = archives.request(school.schoolId, school.termId, admin).orElseThrow();

    assertThat(archives.build(id)).isTrue();

    String sha = Texts.sha256(AGREEMENT);
    List<String> expected = new ArrayList<>(List.of("申请与审核/申请与审核记录.xlsx", "委托协议/全文/" + sha + ".txt",
        "委托协议/签署记录.xlsx", "委托协议/SHA256SUMS.txt", "委托协议/如何核验.txt", "公示/公示名单.xlsx",
        "出勤/出勤表-2026-09.xlsx", "出勤/出勤表-2026-10.xlsx", "出勤/出勤表-2026-11.xlsx"));
    for (LocalDate monday = LocalDate.of(2026, 8, 31); !monday.isAfter(LocalDate.of(2026, 11, 2));
        monday = monday.plusWeeks(1)) {
      expected.add("统计/周统计-" + monday + ".xlsx");
    }
    expected.addAll(List.of("统计/月汇总-2026-09.xlsx", "统计/月汇总-2026-10.xlsx", "统计/月汇总-2026-11.xlsx",
        "收费/收费清单-2026-10.xlsx", "补助/补助资金发放明细表-2026-10.xlsx", "缺勤个案/缺勤个案.xlsx", "交接/放学交接记录.xlsx", "通知/家长通知.xlsx",
        "索引.csv"));
    Map<String, byte[]> files = built(id);
    assertThat(files.keySet()).containsExactlyElementsOf(expected);

    List<String> index = List.of(new String(files.get("索引.csv"), StandardCharsets.UTF_8).split("\r\n"));
    assertThat(index.get(0)).startsWith("\uFEFF测试小学 2026学年 学期归档");
    assertThat(index.get(1)).isEqualTo("文件,说明,行数");
    assertThat(index).hasSize(expected.size() + 1).contains("委托协议/签署记录.xlsx,"
        + "每一次签署：签署人、时间、模板版本、签署时保存的 SHA-256 和现在重算的 SHA-256（是否一致）、协议全文文件,1");
    assertThat(index.get(2)).isEqualTo("申请与审核/申请与审核记录.xlsx,"
        + "本学期全部报名申请，及每一步审核、公示和状态变化的记录,5");
    ArchiveStatus status = archives.status(school.schoolId, id).orElseThrow();
    assertThat(status.state()).isEqualTo(ArchiveStatus.State.DONE);
    assertThat(status.partsDone()).isEqualTo(status.partsTotal()).isEqualTo(archives.partCount());
    assertThat(status.files()).isEqualTo(expected.size());
  }

  @Test
  void eachAgreementCanBeReCheckedAgainstItsHash() throws Exception {
    long id = archives.request(school.schoolId, school.termId, admin).orElseThrow();
    archives.build(id);
    Map<String, byte[]> files = built(id);

    String sha = Texts.sha256(AGREEMENT);
    byte[] text = files.get("委托协议/全文/" + sha + ".txt");
    assertThat(new String(text, StandardCharsets.UTF_8)).isEqualTo(AGREEMENT);
    assertThat(new String(files.get("委托协议/SHA256SUMS.txt"), StandardCharsets.UTF_8))
        .isEqualTo(sha + "  全文/" + sha + ".txt\n");
    assertThat(new String(files.get("委托协议/如何核验.txt"), StandardCharsets.UTF_8)).contains("sha256sum -c");
    Sheet signatures = sheet(files.get("委托协议/签署记录.xlsx"), "签署记录");
    assertThat(signatures.getRow(2).getCell(2).getStringCellValue()).isEqualTo("王小明");
    assertThat(signatures.getRow(2).getCell(4).getStringCellValue()).isEqualTo("王妈妈");
    assertThat(signatures.getRow(2).getCell(7).getStringCellValue()).isEqualTo(sha);
    assertThat(signatures.getRow(2).getCell(8).getStringCellValue()).isEqualTo(sha);
    assertThat(signatures.getRow(2).getCell(9).getStringCellValue()).isEqualTo("一致");
  }

  @Test
  void thePartsHoldTheTermsRecordsWithoutPhoneNumbers() throws Exception {
    long id = archives.request(school.schoolId, school.termId, admin).orElseThrow();
    archives.build(id);
    Map<String, byte[]> files = built(id);

    Sheet publicity = sheet(files.get("公示/公示名单.xlsx"), "公示名单");
    assertThat(publicity.getRow(2).getCell(2).getStringCellValue()).isEqualTo("王*明");
    assertThat(publicity.getRow(3).getCell(2).getStringCellValue()).isEqualTo("李*");
    assertThat(sheet(files.get("公示/公示名单.xlsx"), "异议").getRow(2).getCell(2).getStringCellValue())
        .isEqualTo("家中有老人接送");
    Sheet notices = sheet(files.get("通知/家长通知.xlsx"), "家长通知");
    assertThat(notices.getRow(2).getCell(4).getStringCellValue()).isEqualTo("停课通知");
    assertThat(notices.getRow(2).getCell(9).getNumericCellValue()).as("children").isEqualTo(2);
    assertThat(notices.getRow(2).getCell(10).getNumericCellValue()).as("confirmed children").isEqualTo(1);
    assertThat(notices.getRow(2).getCell(12).getNumericCellValue()).as("confirmed families").isEqualTo(1);
    Sheet cases = sheet(files.get("缺勤个案/缺勤个案.xlsx"), "个案");
    assertThat(cases.getRow(2).getCell(9).getStringCellValue()).isEqualTo("孩子在家");
    assertThat(sheet(files.get("缺勤个案/缺勤个案.xlsx"), "经过").getRow(2).getCell(6).getStringCellValue())
        .isEqualTo("孩子在家");
    assertThat(sheet(files.get("交接/放学交接记录.xlsx"), "放学交接记录").getRow(2).getCell(6).getStringCellValue())
        .isEqualTo("王妈妈");
    Sheet october = sheet(files.get("出勤/出勤表-2026-10.xlsx"), "2026-10-12");
    assertThat(october.getRow(2).getCell(3).getStringCellValue()).isEqualTo("王小明");
    assertThat(october.getRow(2).getCell(4).getStringCellValue()).isEqualTo("缺勤");
    Sheet fee = sheet(files.get("收费/收费清单-2026-10.xlsx"), "2026-10");
    assertThat(fee.getRow(2).getCell(1).getStringCellValue()).isEqualTo("王小明");
    Sheet subsidy = sheet(files.get("补助/补助资金发放明细表-2026-10.xlsx"), "2026-10");
    assertThat(subsidy.getRow(2).getCell(0).getStringCellValue()).isEqualTo("周敏");
    assertThat(subsidy.getRow(2).getCell(1).getStringCellValue()).isEqualTo("教师");
    assertThat(subsidy.getRow(2).getCell(2).getNumericCellValue()).as("paid sessions").isEqualTo(1);
    assertThat(subsidy.getRow(2).getCell(5).getStringCellValue()).isEqualTo("35.00");
    assertThat(subsidy.getRow(2).getCell(6).getStringCellValue()).isEqualTo("2026年10月13日 作业辅导（未签到）");
    assertThat(subsidy.getRow(3).getCell(0).getStringCellValue()).isEqualTo("合计");
    List<String> phones = jdbc.queryForList("SELECT g.phone FROM guardian g WHERE g.school_id = ?", String.class,
        school.schoolId);
    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      String content = file.getKey().endsWith(".xlsx") ? sharedStrings(file.getValue())
          : new String(file.getValue(), StandardCharsets.UTF_8);
      for (String phone : phones) {
        assertThat(content).as(file.getKey()).doesNotContain(phone);
      }
    }
  }

  @Test
  void twoInstancesBuildOneRequestOnceAndAStaleBuildIsTakenOver() throws Exception {
    long id = archives.request(school.schoolId, school.termId, admin).orElseThrow();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Callable<Boolean> build = () -> archives.build(id);
      int built = 0;
      for (Future<Boolean> f : pool.invokeAll(List.of(build, build))) {
        built += f.get() ? 1 : 0;
      }
      assertThat(built).isEqualTo(1);
    } finally {
      pool.shutdown();
    }
    assertThat(archives.build(id)).as("done: nothing to claim").isFalse();

    long stale = archives.request(school.schoolId, school.termId, admin).orElseThrow();
    jdbc.update("UPDATE term_archive SET state = 'RUNNING', attempt = 1, heartbeat_at = ? WHERE id = ?",
        LocalDateTime.of(2026, 11, 3, 8, 50), stale);
    assertThat(archives.abandoned(archives.status(school.schoolId, stale).orElseThrow())).isTrue();
    assertThat(archives.build(stale)).isTrue();
    ArchiveStatus status = archives.status(school.schoolId, stale).orElseThrow();
    assertThat(status.attempt()).isEqualTo(2);
    assertThat(status.state()).isEqualTo(ArchiveStatus.State.DONE);
    assertThat(built(stale)).containsKey("索引.csv");
  }

  @Test
  void anotherSchoolsTermCannotBeArchivedNorItsBuildSeen() {
    SchoolFixture other = new SchoolFixture(jdbc);
    long id = archives.request(school.schoolId, school.termId, admin).orElseThrow();

    assertThat(archives.request(other.schoolId, school.termId, admin)).isEmpty();
    assertThat(archives.status(other.schoolId, id)).isEmpty();
  }

  /** Every cell of a workbook, as text. */
  static String sharedStrings(byte[] xlsx) throws Exception {
    StringBuilder all = new StringBuilder();
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      DataFormatter format = new DataFormatter();
      for (Sheet sheet : book) {
        for (Row row : sheet) {
          for (Cell cell : row) {
            all.append(format.formatCellValue(cell)).append('\n');
          }
        }
      }
    }
    return all.toString();
  }
}
