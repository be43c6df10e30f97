package org.kehou.admin.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kehou.admin.ApiTest;
import org.kehou.core.staff.StaffRole;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

class RosterImportTests extends ApiTest {

  static final String HEADER = "grade,class,student_no,student_name,priority,guardian_name,guardian_phone,relation\n";
  static final String ZH_HEADER = "年级,班级,学号,学生姓名,优先类别,家长姓名,家长手机,关系\n";

  /** Two families: the Wangs have two children (one guardian on two rows), Li Lei has two guardians. */
  static final String ROSTER = HEADER
      + "三年级,2班,S001,王小明,留守,王芳,13800000001,母亲\n"
      + "一年级,1班,S002,王小红,,王芳,13800000001,母亲\n"
      + "3年级,3年级1班,S003,李雷,hardship,李强,13900000002,父亲\n"
      + "3年级,3年级1班,S003,李雷,hardship,韩梅,13900000003,母亲\n";

  @Test
  void rosterImportsOnceAndReimportingTheSameFileChangesNothing() {
    String admin = adminToken(newSchool());

    ResponseEntity<Map> first = importRaw(admin, ROSTER.getBytes(StandardCharsets.UTF_8));
    ResponseEntity<Map> again = importMultipart(admin, ROSTER.getBytes(StandardCharsets.UTF_8));

    assertThat(first.getStatusCode().value()).isEqualTo(200);
    assertThat(first.getBody()).containsEntry("studentsCreated", 3).containsEntry("guardiansCreated", 3)
        .containsEntry("classesCreated", 3).containsEntry("studentsUpdated", 0).containsEntry("guardiansUpdated", 0)
        .containsEntry("classesUpdated", 0);
    assertThat(again.getStatusCode().value()).isEqualTo(200);
    assertThat(again.getBody()).containsEntry("studentsCreated", 0).containsEntry("studentsUpdated", 0)
        .containsEntry("guardiansCreated", 0).containsEntry("guardiansUpdated", 0)
        .containsEntry("classesCreated", 0).containsEntry("classesUpdated", 0);
  }

  @Test
  void classNamesJoinGradeAndClassAndAGuardianOfTwoChildrenIsOneGuardian() {
    long school = newSchool();
    importRaw(adminToken(school), ROSTER.getBytes(StandardCharsets.UTF_8));

    assertThat(jdbc.queryForList("SELECT c.name FROM school_class c WHERE c.school_id = ? ORDER BY c.name",
        String.class, school)).containsExactlyInAnyOrder("一年级1班", "三年级2班", "3年级1班");
    assertThat(jdbc.queryForObject("SELECT g.level FROM school_class c JOIN grade g ON g.id = c.grade_id "
        + "WHERE c.school_id = ? AND c.name = '三年级2班'", Integer.class, school)).isEqualTo(3);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM student_guardian sg JOIN guardian g ON g.id = sg.guardian_id "
        + "WHERE g.school_id = ? AND g.phone = '13800000001'", Integer.class, school)).isEqualTo(2);
    assertThat(jdbc.queryForList("SELECT priority FROM student WHERE school_id = ? ORDER BY student_no",
        String.class, school)).containsExactly("LEFT_BEHIND", "NONE", "HARDSHIP");
  }

  @Test
  void aFileWithBadRowsIsRejectedListingEveryBadRowAndNothingIsWritten() {
    long school = newSchool();
    String csv = ZH_HEADER
        + "三年级,2班,S001,王小明,留守,王芳,13800000001,母亲\n"
        + "三年级,2班,S002,,无,张伟,1380000000,父亲\n"
        + "七年级,1班,S003,赵六,特殊,赵大,13800000003,父亲\n"
        + "三年级,2班,S001,王小刚,留守,王芳,13800000001,母亲\n"
        + "三年级,2班,S004,孙七,无,孙八,23800000004,父亲\n"
        + "\n"
        + "三年级,2班,S005,周九,无,王大芳,13800000001,母亲\n";

    ResponseEntity<Map> response = importRaw(adminToken(school), csv.getBytes(StandardCharsets.UTF_8));

    assertThat(response.getStatusCode().value()).isEqualTo(422);
    assertThat(response.getBody()).containsEntry("code", "ROSTER_REJECTED");
    List<Map<String, Object>> errors = (List<Map<String, Object>>) response.getBody().get("errors");
    assertThat(errors).extracting(e -> e.get("line") + "/" + e.get("column") + "/" + e.get("code"))
        .containsExactlyInAnyOrder(
            "3/学生姓名/REQUIRED", "3/家长手机/BAD_PHONE",
            "4/年级/BAD_GRADE", "4/优先类别/UNKNOWN_PRIORITY",
            "5/学号/DUPLICATE_STUDENT_NO",
            "6/家长手机/BAD_PHONE",
            "8/家长姓名/CONFLICTING_GUARDIAN");
    assertThat(errors).allSatisfy(e -> assertThat((String) e.get("reason")).isNotBlank());
    assertThat(countRows(school)).isZero();
  }

  @Test
  void aHeaderMissingColumnsIsRejectedNamingThem() {
    String csv = "grade,class,student_no,student_name,guardian_name,guardian_phone\n三年级,2班,S1,甲,乙,13800000001\n";
    ResponseEntity<Map> response = importRaw(adminToken(newSchool()), csv.getBytes(StandardCharsets.UTF_8));

    assertThat(response.getStatusCode().value()).isEqualTo(422);
    assertThat((List<Map<String, Object>>) response.getBody().get("errors"))
        .extracting(e -> e.get("line") + "/" + e.get("column") + "/" + e.get("code"))
        .containsExactly("1/priority/MISSING_COLUMN", "1/relation/MISSING_COLUMN");
  }

  @Test
  void aFileThatIsNeitherUtf8NorGbkOrNotCsvIsRejectedWithAReason() {
    String admin = adminToken(newSchool());

    ResponseEntity<Map> binary = importRaw(admin, new byte[] {(byte) 0xFF, (byte) 0xFE, (byte) 0xFF, 0x41});
    ResponseEntity<Map> unterminated = importRaw(admin,
        (HEADER + "三年级,2班,S001,\"王小明,留守,王芳,13800000001,母亲\n").getBytes(StandardCharsets.UTF_8));

    assertThat(binary.getStatusCode().value()).isEqualTo(422);
    assertThat((List<Map<String, Object>>) binary.getBody().get("errors"))
        .extracting(e -> e.get("code")).containsExactly("BAD_ENCODING");
    assertThat(unterminated.getStatusCode().value()).isEqualTo(422);
    assertThat((List<Map<String, Object>>) unterminated.getBody().get("errors"))
        .extracting(e -> e.get("code")).containsExactly("MALFORMED_CSV");
  }

  @Test
  void aGbkFileAsExcelSavesItImportsWithItsChineseIntact() {
    long school = newSchool();
    String csv = ZH_HEADER + "五年级,3班,G001,欧阳娜娜,困难,欧阳锋,13700000001,爷爷\n";

    ResponseEntity<Map> response = importRaw(adminToken(school), csv.getBytes(Charset.forName("GBK")));

    assertThat(response.getStatusCode().value()).isEqualTo(200);
    assertThat(jdbc.queryForMap("SELECT s.name, s.priority, c.name AS class_name FROM student s "
        + "JOIN school_class c ON c.id = s.class_id WHERE s.school_id = ?", school))
        .containsEntry("name", "欧阳娜娜").containsEntry("priority", "HARDSHIP").containsEntry("class_name", "五年级3班");
    assertThat(jdbc.queryForObject("SELECT relation FROM student_guardian sg JOIN guardian g ON g.id = sg.guardian_id "
        + "WHERE g.school_id = ?", String.class, school)).isEqualTo("爷爷");
  }

  @Test
  void aUtf8FileWithByteOrderMarkImports() {
    long school = newSchool();
    byte[] body = (ZH_HEADER + "二年级,1班,B001,周杰,无,周母,13600000001,母亲\n").getBytes(StandardCharsets.UTF_8);
    byte[] withBom = new byte[body.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(body, 0, withBom, 3, body.length);

    ResponseEntity<Map> response = importMultipart(adminToken(school), withBom);

    assertThat(response.getStatusCode().value()).isEqualTo(200);
    assertThat(response.getBody()).containsEntry("studentsCreated", 1);
    assertThat(jdbc.queryForObject("SELECT name FROM school_class WHERE school_id = ?", String.class, school))
        .isEqualTo("二年级1班");
  }

  @Test
  void anUpdatedFileUpdatesNamesClassesPrioritiesRelationsAndGuardianNames() {
    long school = newSchool();
    String admin = adminToken(school);
    importRaw(admin, ROSTER.getBytes(StandardCharsets.UTF_8));
    String updated = HEADER
        + "三年级,2班,S001,王小明,无,王芳芳,13800000001,妈妈\n"
        + "一年级,2班,S002,王晓红,,王芳芳,13800000001,母亲\n"
        + "3年级,3年级1班,S003,李雷,hardship,李强,13900000002,父亲\n"
        + "3年级,3年级1班,S003,李雷,hardship,韩梅,13900000003,母亲\n";

    ResponseEntity<Map> response = importRaw(admin, updated.getBytes(StandardCharsets.UTF_8));

    assertThat(response.getBody()).containsEntry("studentsCreated", 0).containsEntry("studentsUpdated", 2)
        .containsEntry("guardiansCreated", 0).containsEntry("guardiansUpdated", 1)
        .containsEntry("classesCreated", 1).containsEntry("classesUpdated", 0);
    assertThat(jdbc.queryForMap("SELECT s.name, s.priority, c.name AS class_name FROM student s "
        + "JOIN school_class c ON c.id = s.class_id WHERE s.school_id = ? AND s.student_no = 'S002'", school))
        .containsEntry("name", "王晓红").containsEntry("class_name", "一年级2班");
    assertThat(jdbc.queryForObject("SELECT priority FROM student WHERE school_id = ? AND student_no = 'S001'",
        String.class, school)).isEqualTo("NONE");
    assertThat(jdbc.queryForObject("SELECT name FROM guardian WHERE school_id = ? AND phone = '13800000001'",
        String.class, school)).isEqualTo("王芳芳");
    assertThat(jdbc.queryForObject("SELECT sg.relation FROM student_guardian sg JOIN student s ON s.id = sg.student_id "
        + "WHERE s.school_id = ? AND s.student_no = 'S001'", String.class, school)).isEqualTo("妈妈");
  }

  /** Wang Fang is no longer guardian of her second child; Han Mei, Li Lei's mother, is gone from the file. */
  static final String WITHOUT_TWO_LINKS = HEADER
      + "三年级,2班,S001,王小明,留守,王芳,13800000001,母亲\n"
      + "一年级,1班,S002,王小红,,王大伟,13800000009,父亲\n"
      + "3年级,3年级1班,S003,李雷,hardship,李强,13900000002,父亲\n";

  @Test
  void aLinkMissingFromTheNewFileIsRemovedWithTheAccessItGave() {
    long school = newSchool();
    String admin = adminToken(school);
    importRaw(admin, ROSTER.getBytes(StandardCharsets.UTF_8));
    long wangFang = guardian(school, "13800000001");
    long hanMei = guardian(school, "13900000003");
    String wangPhone = bind(wangFang, student(school, "S002"));
    String hanPhone = bind(hanMei, student(school, "S003"));
    jdbc.update("INSERT INTO binding_code (school_id, guardian_id, code, expires_at) VALUES (?, ?, ?, '2099-01-01')",
        school, hanMei, unique("C").toUpperCase());
    jdbc.update("INSERT INTO outbox_message (school_id, guardian_id, student_id, openid, kind, dedup_key, body, state, "
        + "next_attempt_at, created_at) VALUES (?, ?, ?, ?, 'agreement-ready', ?, 'x', 'PENDING', NOW(3), NOW(3))",
        school, wangFang, student(school, "S002"), wangPhone, unique("k"));

    ResponseEntity<Map> response = importRaw(admin, WITHOUT_TWO_LINKS.getBytes(StandardCharsets.UTF_8));

    assertThat(response.getStatusCode().value()).isEqualTo(200);
    assertThat(response.getBody()).containsEntry("guardiansCreated", 1).containsEntry("preview", false);
    assertThat((List<Map<String, Object>>) response.getBody().get("linksRemoved"))
        .extracting(l -> l.get("studentNo") + "/" + l.get("studentName") + "/" + l.get("guardianName") + "/"
            + l.get("relation") + "/" + l.get("accessEnded"))
        .containsExactlyInAnyOrder("S002/王小红/王芳/母亲/false", "S003/李雷/韩梅/母亲/true");
    assertThat(jdbc.queryForList("SELECT s.student_no FROM student_guardian sg JOIN student s ON s.id = sg.student_id "
        + "WHERE sg.guardian_id = ?", String.class, wangFang)).containsExactly("S001");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM student_guardian WHERE guardian_id = ?", Integer.class,
        hanMei)).isZero();
    assertThat(jdbc.queryForMap("SELECT active, ended_by, current_student_id FROM wechat_binding WHERE openid = ?",
        hanPhone)).containsEntry("active", false).containsEntry("ended_by", "ROSTER");
    assertThat(jdbc.queryForMap("SELECT active, ended_by, current_student_id FROM wechat_binding WHERE openid = ?",
        wangPhone)).containsEntry("active", true).containsEntry("ended_by", null)
        .containsEntry("current_student_id", null);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM binding_code WHERE guardian_id = ? AND live = 1",
        Integer.class, hanMei)).isZero();
    assertThat(jdbc.queryForObject("SELECT state FROM outbox_message WHERE openid = ?", String.class, wangPhone))
        .isEqualTo("CANCELLED");
  }

  @Test
  void aFileNamingOneClassLeavesTheOtherClassesAlone() {
    long school = newSchool();
    String admin = adminToken(school);
    importRaw(admin, ROSTER.getBytes(StandardCharsets.UTF_8));

    ResponseEntity<Map> response = importRaw(admin,
        (HEADER + "3年级,3年级1班,S003,李雷,hardship,李强,13900000002,父亲\n").getBytes(StandardCharsets.UTF_8));

    assertThat((List<?>) response.getBody().get("linksRemoved")).singleElement()
        .satisfies(l -> assertThat((Map<String, Object>) l).containsEntry("guardianName", "韩梅"));
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM student_guardian sg JOIN student s ON s.id = sg.student_id "
        + "WHERE s.school_id = ?", Integer.class, school)).isEqualTo(3);
  }

  @Test
  void aPreviewReportsWhatTheImportWouldDoAndWritesNothing() {
    long school = newSchool();
    String admin = adminToken(school);
    importRaw(admin, ROSTER.getBytes(StandardCharsets.UTF_8));
    String hanPhone = bind(guardian(school, "13900000003"), student(school, "S003"));
    String changed = WITHOUT_TWO_LINKS.replace("王小明,留守", "王晓明,留守") + "六年级,1班,S009,新同学,无,新家长,13500000009,母亲\n";
    int rowsBefore = countRows(school);

    ResponseEntity<Map> preview = http.exchange("/api/v1/roster/import?preview=true", HttpMethod.POST,
        new HttpEntity<>(changed.getBytes(StandardCharsets.UTF_8), csvHeaders(admin)), Map.class);

    assertThat(preview.getStatusCode().value()).isEqualTo(200);
    assertThat(preview.getBody()).containsEntry("preview", true).containsEntry("studentsCreated", 1)
        .containsEntry("studentsUpdated", 1).containsEntry("guardiansCreated", 2).containsEntry("classesCreated", 1);
    assertThat((List<?>) preview.getBody().get("linksRemoved")).hasSize(2);
    assertThat(countRows(school)).isEqualTo(rowsBefore);
    assertThat(jdbc.queryForObject("SELECT name FROM student WHERE school_id = ? AND student_no = 'S001'",
        String.class, school)).isEqualTo("王小明");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM student_guardian sg JOIN student s ON s.id = sg.student_id "
        + "WHERE s.school_id = ?", Integer.class, school)).isEqualTo(4);
    assertThat(jdbc.queryForObject("SELECT active FROM wechat_binding WHERE openid = ?", Boolean.class, hanPhone))
        .isTrue();

    ResponseEntity<Map> real = importRaw(admin, changed.getBytes(StandardCharsets.UTF_8));
    Map<String, Object> expected = new java.util.HashMap<>(preview.getBody());
    expected.put("preview", false);
    assertThat(real.getBody()).isEqualTo(expected);
  }

  @Test
  void aGuardianWhoseNumberChangedIsUpdatedNotDuplicatedAndKeepsTheirBinding() {
    long school = newSchool();
    String admin = adminToken(school);
    importRaw(admin, ROSTER.getBytes(StandardCharsets.UTF_8));
    long wangFang = guardian(school, "13800000001");
    String phone = bind(wangFang, student(school, "S001"));

    ResponseEntity<Map> response = importRaw(admin, ROSTER.replace("13800000001", "13700000007")
        .getBytes(StandardCharsets.UTF_8));

    assertThat(response.getBody()).containsEntry("guardiansCreated", 0).containsEntry("guardiansUpdated", 1);
    assertThat((List<?>) response.getBody().get("linksRemoved")).isEmpty();
    assertThat(jdbc.queryForObject("SELECT phone FROM guardian WHERE id = ?", String.class, wangFang))
        .isEqualTo("13700000007");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM guardian WHERE school_id = ?", Integer.class, school))
        .isEqualTo(3);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM student_guardian WHERE guardian_id = ?", Integer.class,
        wangFang)).isEqualTo(2);
    assertThat(jdbc.queryForObject("SELECT active FROM wechat_binding WHERE openid = ?", Boolean.class, phone))
        .isTrue();
  }

  long guardian(long school, String phone) {
    return jdbc.queryForObject("SELECT id FROM guardian WHERE school_id = ? AND phone = ?", Long.class, school, phone);
  }

  long student(long school, String studentNo) {
    return jdbc.queryForObject("SELECT id FROM student WHERE school_id = ? AND student_no = ?", Long.class, school,
        studentNo);
  }

  String bind(long guardian, long currentStudent) {
    String openid = unique("oWx_");
    jdbc.update("INSERT INTO wechat_binding (openid, guardian_id, current_student_id) VALUES (?, ?, ?)", openid,
        guardian, currentStudent);
    return openid;
  }

  HttpHeaders csvHeaders(String token) {
    HttpHeaders headers = bearer(token);
    headers.setContentType(MediaType.parseMediaType("text/csv"));
    return headers;
  }

  @Test
  void onlyTheSchoolAdminImportsTheRoster() {
    long school = newSchool();
    String teacher = login(newStaff(school, StaffRole.CLASS_TEACHER));

    ResponseEntity<Map> response = importRaw(teacher, ROSTER.getBytes(StandardCharsets.UTF_8));

    assertThat(response.getStatusCode().value()).isEqualTo(403);
    assertThat(countRows(school)).isZero();
  }

  /** A whole school's file in one go; its speed is a benchmark's business, not a test's. */
  @Test
  void aTwoThousandRowFileImportsCompletely() {
    long school = newSchool();
    StringBuilder csv = new StringBuilder(HEADER);
    for (int i = 0; i < 2000; i++) {
      int pupil = i / 2;
      csv.append(1 + pupil % 6).append("年级,").append(pupil % 8 + 1).append("班,P").append(pupil).append(",学生")
          .append(pupil).append(",无,家长").append(i).append(",1").append(String.format("%010d", i)).append(",父母\n");
    }
    ResponseEntity<Map> response = importRaw(adminToken(school), csv.toString().getBytes(StandardCharsets.UTF_8));

    assertThat(response.getStatusCode().value()).isEqualTo(200);
    assertThat(response.getBody()).containsEntry("studentsCreated", 1000).containsEntry("guardiansCreated", 2000);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM student_guardian sg JOIN student s ON s.id = sg.student_id "
        + "WHERE s.school_id = ?", Integer.class, school)).isEqualTo(2000);
  }

  int countRows(long school) {
    return jdbc.queryForObject("SELECT (SELECT COUNT(*) FROM student WHERE school_id = ?) "
        + "+ (SELECT COUNT(*) FROM guardian WHERE school_id = ?) + (SELECT COUNT(*) FROM school_class WHERE school_id = ?) "
        + "+ (SELECT COUNT(*) FROM grade WHERE school_id = ?)", Integer.class, school, school, school, school);
  }

  ResponseEntity<Map> importRaw(String token, byte[] csv) {
    HttpHeaders headers = bearer(token);
    headers.setContentType(MediaType.parseMediaType("text/csv"));
    return http.exchange("/api/v1/roster/import", HttpMethod.POST, new HttpEntity<>(csv, headers), Map.class);
  }

  ResponseEntity<Map> importMultipart(String token, byte[] csv) {
    HttpHeaders headers = bearer(token);
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("file", new ByteArrayResource(csv) {
      @Override
      public String getFilename() {
        return "roster.csv";
      }
    });
    return http.exchange("/api/v1/roster/import", HttpMethod.POST, new HttpEntity<>(form, headers), Map.class);
  }
}
