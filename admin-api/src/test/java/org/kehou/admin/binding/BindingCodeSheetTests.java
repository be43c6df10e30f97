package org.kehou.admin.binding;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kehou.admin.ApiTest;
import org.kehou.core.staff.Staff;
import org.kehou.core.staff.StaffRole;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

class BindingCodeSheetTests extends ApiTest {

  /** The Wangs' mother has two children in the same class; Li Lei has two guardians. */
  static final String ROSTER = "grade,class,student_no,student_name,priority,guardian_name,guardian_phone,relation\n"
      + "三年级,2班,B001,王小明,无,王芳,13800000021,母亲\n"
      + "三年级,2班,B002,王小红,无,王芳,13800000021,母亲\n"
      + "三年级,2班,B003,李雷,无,李强,13800000022,父亲\n"
      + "三年级,2班,B003,李雷,无,韩梅,13800000023,母亲\n"
      + "三年级,3班,B004,赵六,无,赵大,13800000024,父亲\n";

  @Test
  void theSheetListsEveryPupilGuardianPairWithOneUnambiguousCodePerGuardian() {
    long school = newSchool();
    String admin = adminToken(school);
    importRoster(admin, ROSTER);
    currentTerm(admin);

    ResponseEntity<byte[]> response = sheet(admin, "三年级2班");

    assertThat(response.getStatusCode().value()).isEqualTo(200);
    assertThat(response.getHeaders().getContentType().toString()).startsWith("text/csv");
    byte[] body = response.getBody();
    assertThat(Arrays.copyOf(body, 3)).containsExactly(0xEF, 0xBB, 0xBF);
    List<String[]> lines = lines(body);
    assertThat(lines.get(0)).containsExactly("班级", "学生", "家长", "关系", "绑定码");
    assertThat(lines).hasSize(5);
    assertThat(lines.subList(1, 5)).extracting(l -> l[0] + "/" + l[1] + "/" + l[2] + "/" + l[3]).containsExactly(
        "三年级2班/王小明/王芳/母亲", "三年级2班/王小红/王芳/母亲", "三年级2班/李雷/李强/父亲", "三年级2班/李雷/韩梅/母亲");
    assertThat(lines.subList(1, 5)).allSatisfy(l -> assertThat(l[4]).matches("[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{8,}"));
    assertThat(lines.get(1)[4]).isEqualTo(lines.get(2)[4]);
    assertThat(lines.get(3)[4]).isNotEqualTo(lines.get(4)[4]).isNotEqualTo(lines.get(1)[4]);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM binding_code WHERE school_id = ? AND live = 1",
        Integer.class, school)).isEqualTo(3);
  }

  @Test
  void printingTheSheetAgainKeepsTheSameCodesAndTheyExpireAtTheEndOfTheTerm() {
    long school = newSchool();
    String admin = adminToken(school);
    importRoster(admin, ROSTER);
    currentTerm(admin);

    List<String[]> first = lines(sheet(admin, "三年级2班").getBody());
    List<String[]> second = lines(sheet(admin, "三年级2班").getBody());

    assertThat(second.get(1)[4]).isEqualTo(first.get(1)[4]);
    assertThat(second.get(3)[4]).isEqualTo(first.get(3)[4]);
    assertThat(jdbc.queryForList("SELECT DISTINCT CAST(expires_at AS CHAR) FROM binding_code WHERE school_id = ?",
        String.class, school)).singleElement().asString().startsWith("2099-01-21 00:00:00");
  }

  @Test
  void regeneratingInvalidatesTheOldCodeAndIssuesANewOne() {
    long school = newSchool();
    String admin = adminToken(school);
    importRoster(admin, ROSTER);
    currentTerm(admin);
    List<String[]> before = lines(sheet(admin, "三年级2班").getBody());
    long lilei = jdbc.queryForObject("SELECT id FROM guardian WHERE school_id = ? AND phone = '13800000022'",
        Long.class, school);

    ResponseEntity<Map> one = post("/api/v1/binding-codes/regenerate", admin, Map.of("guardianId", lilei));
    List<String[]> afterOne = lines(sheet(admin, "三年级2班").getBody());
    ResponseEntity<Map> whole = post("/api/v1/binding-codes/regenerate", admin, Map.of("class", "三年级2班"));
    List<String[]> afterClass = lines(sheet(admin, "三年级2班").getBody());

    assertThat(one.getStatusCode().value()).isEqualTo(200);
    assertThat(afterOne.get(3)[4]).isNotEqualTo(before.get(3)[4]);
    assertThat(afterOne.get(1)[4]).isEqualTo(before.get(1)[4]);
    assertThat(jdbc.queryForObject("SELECT live IS NULL AND revoked_at IS NOT NULL FROM binding_code WHERE code = ?",
        Boolean.class, before.get(3)[4])).isTrue();
    assertThat(whole.getBody()).containsEntry("regenerated", 3);
    assertThat(afterClass.get(1)[4]).isNotEqualTo(afterOne.get(1)[4]);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM binding_code WHERE school_id = ? AND live = 1",
        Integer.class, school)).isEqualTo(3);
  }

  @Test
  void printingOrRegeneratingAgainGivesABoundGuardianNoNewCodeOnlyAnExplicitReissueDoes() {
    long school = newSchool();
    String admin = adminToken(school);
    importRoster(admin, ROSTER);
    currentTerm(admin);
    List<String[]> before = lines(sheet(admin, "三年级2班").getBody());
    long lilei = bindAsTheBotWould(school, before.get(3)[4]);

    List<String[]> again = lines(sheet(admin, "三年级2班").getBody());
    ResponseEntity<Map> wholeClass = post("/api/v1/binding-codes/regenerate", admin, Map.of("class", "三年级2班"));
    List<String[]> afterClass = lines(sheet(admin, "三年级2班").getBody());
    ResponseEntity<Map> one = post("/api/v1/binding-codes/regenerate", admin, Map.of("guardianId", lilei));

    assertThat(again.get(3)[4]).isEqualTo("已绑定");
    assertThat(again.get(4)[4]).isEqualTo(before.get(4)[4]);
    assertThat(wholeClass.getBody()).containsEntry("regenerated", 2);
    assertThat(afterClass.get(3)[4]).isEqualTo("已绑定");
    assertThat(one.getStatusCode().value()).isEqualTo(409);
    assertThat(one.getBody()).containsEntry("code", "GUARDIAN_BOUND");
    assertThat(liveCodes(lilei)).isZero();

    ResponseEntity<Map> reissued = post("/api/v1/guardians/" + lilei + "/binding-code", admin, Map.of());

    assertThat(reissued.getStatusCode().value()).isEqualTo(200);
    assertThat((String) reissued.getBody().get("code")).matches("[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{8}");
    assertThat((String) reissued.getBody().get("expiresAt")).startsWith("2099-01-21");
    assertThat(liveCodes(lilei)).isOne();
    assertThat(lines(sheet(admin, "三年级2班").getBody()).get(3)[4]).isEqualTo("已绑定");
  }

  @Test
  void onlyTheSchoolAdminReissuesAndOnlyForTheirOwnSchoolsGuardians() {
    long school = newSchool();
    String admin = adminToken(school);
    importRoster(admin, ROSTER);
    currentTerm(admin);
    long guardian = jdbc.queryForObject("SELECT id FROM guardian WHERE school_id = ? AND phone = '13800000022'",
        Long.class, school);
    String teacher = login(newStaff(school, StaffRole.CLASS_TEACHER));
    String otherAdmin = adminToken(newSchool());

    assertThat(post("/api/v1/guardians/" + guardian + "/binding-code", teacher, Map.of()).getStatusCode().value())
        .isEqualTo(403);
    assertThat(post("/api/v1/guardians/" + guardian + "/binding-code", otherAdmin, Map.of()).getStatusCode().value())
        .isEqualTo(404);
    assertThat(liveCodes(guardian)).isZero();
  }

  /** What the bot does on 绑定: the code is used up and the openid bound. */
  long bindAsTheBotWould(long school, String code) {
    long guardian = jdbc.queryForObject("SELECT guardian_id FROM binding_code WHERE code = ?", Long.class, code);
    jdbc.update("UPDATE binding_code SET used_at = NOW(3), live = NULL WHERE code = ?", code);
    jdbc.update("INSERT INTO wechat_binding (openid, guardian_id) VALUES (?, ?)", unique("o"), guardian);
    return guardian;
  }

  int liveCodes(long guardian) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM binding_code WHERE guardian_id = ? AND live = 1", Integer.class,
        guardian);
  }

  @Test
  void withoutATermThereIsNoExpiryAndNoSheet() {
    long school = newSchool();
    String admin = adminToken(school);
    importRoster(admin, ROSTER);

    ResponseEntity<Map> response = call(HttpMethod.GET, "/api/v1/binding-codes?class=三年级2班", admin, null, Map.class);

    assertThat(response.getStatusCode().value()).isEqualTo(409);
    assertThat(response.getBody()).containsEntry("code", "NO_CURRENT_TERM");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM binding_code WHERE school_id = ?", Integer.class, school))
        .isZero();
  }

  @Test
  void aClassTeacherPrintsTheirOwnClassOnlyAndCannotRegenerate() {
    long school = newSchool();
    String admin = adminToken(school);
    importRoster(admin, ROSTER);
    currentTerm(admin);
    Staff teacher = newStaff(school, StaffRole.CLASS_TEACHER);
    call(HttpMethod.PUT, "/api/v1/classes/" + classId(school, "三年级2班") + "/class-teacher", admin,
        Map.of("staffId", teacher.id()), Map.class);
    String token = login(teacher);

    ResponseEntity<byte[]> own = sheet(token, "三年级2班");
    ResponseEntity<Map> other = call(HttpMethod.GET, "/api/v1/binding-codes?class=三年级3班", token, null, Map.class);
    ResponseEntity<Map> regenerate = post("/api/v1/binding-codes/regenerate", token, Map.of("class", "三年级2班"));
    ResponseEntity<Map> duty = call(HttpMethod.GET, "/api/v1/binding-codes?class=三年级2班",
        login(newStaff(school, StaffRole.DUTY_TEACHER)), null, Map.class);

    assertThat(own.getStatusCode().value()).isEqualTo(200);
    assertThat(other.getStatusCode().value()).isEqualTo(403);
    assertThat(regenerate.getStatusCode().value()).isEqualTo(403);
    assertThat(duty.getStatusCode().value()).isEqualTo(403);
  }

  void currentTerm(String admin) {
    ResponseEntity<Map> term = post("/api/v1/terms", admin,
        Map.of("name", "长学期", "startsOn", "2020-09-01", "endsOn", "2099-01-20"));
    assertThat(term.getStatusCode().value()).isEqualTo(201);
  }

  ResponseEntity<byte[]> sheet(String token, String className) {
    return http.exchange("/api/v1/binding-codes?class={c}", HttpMethod.GET, new HttpEntity<>(bearer(token)),
        byte[].class, className);
  }

  static List<String[]> lines(byte[] body) {
    String text = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
    return text.lines().map(l -> l.split(",", -1)).toList();
  }
}
