package org.kehou.admin.binding;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kehou.admin.ApiTest;
import org.kehou.core.staff.Staff;
import org.kehou.core.staff.StaffRole;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * GET /api/v1/binding-slips: one slip per guardian not bound, with the code the CSV sheet prints and the QR code the
 * bot creates (simulated here by writing what the bot writes); scoped as the sheet is.
 */
class BindingSlipTests extends ApiTest {

  static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

  @Test
  void slipsCarryTheSheetsCodesAskForEachQrCodeOnceAndShowItOnceTheBotHasMadeIt() {
    long school = newSchool();
    String admin = adminToken(school);
    importRoster(admin, BindingCodeSheetTests.ROSTER);
    currentTerm(admin);

    ResponseEntity<Map> first = slips(admin, "三年级2班");
    ResponseEntity<Map> again = slips(admin, "三年级2班");
    List<String[]> csv = BindingCodeSheetTests.lines(sheet(admin, "三年级2班").getBody());

    assertThat(first.getStatusCode().value()).isEqualTo(200);
    assertThat(first.getHeaders().getCacheControl()).contains("no-store");
    assertThat(first.getBody()).containsEntry("className", "三年级2班").containsEntry("pending", 3)
        .containsEntry("bound", List.of());
    List<Map<String, Object>> slips = slipsOf(first);
    assertThat(slips).extracting(s -> s.get("guardianName")).containsExactly("王芳", "李强", "韩梅");
    assertThat(slips.get(0).get("children")).isEqualTo(List.of(
        Map.of("studentId", studentId(school, "B001"), "name", "王小明", "className", "三年级2班", "relation", "母亲"),
        Map.of("studentId", studentId(school, "B002"), "name", "王小红", "className", "三年级2班", "relation", "母亲")));
    assertThat(slips).allSatisfy(s -> assertThat(s).containsEntry("qr", "PENDING").containsEntry("qrUrl", null)
        .containsEntry("qrExpiresAt", null).containsKey("codeExpiresAt"));
    assertThat(slips).extracting(s -> s.get("code")).containsExactly(csv.get(1)[4], csv.get(3)[4], csv.get(4)[4]);
    assertThat(slipsOf(again)).extracting(s -> s.get("code")).containsExactly(csv.get(1)[4], csv.get(3)[4],
        csv.get(4)[4]);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM binding_slip_qr q JOIN binding_code bc "
        + "ON bc.id = q.binding_code_id WHERE bc.school_id = ? AND q.state = 'PENDING'", Integer.class, school))
        .isEqualTo(3);

    String code = (String) slips.get(1).get("code");
    LocalDateTime qrEnd = LocalDateTime.now(BEIJING).plusDays(30).withNano(0);
    fillAsTheBotWould(code, "http://weixin.qq.com/q/02slip" + code, qrEnd);

    ResponseEntity<Map> ready = slips(admin, "三年级2班");
    assertThat(ready.getBody()).containsEntry("pending", 2);
    assertThat(slipsOf(ready).get(1)).containsEntry("qr", "READY")
        .containsEntry("qrUrl", "http://weixin.qq.com/q/02slip" + code)
        .containsEntry("qrExpiresAt", DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(qrEnd));
  }

  @Test
  void aClassTeacherGetsTheSlipsOfTheirOwnClassOnly() {
    long school = newSchool();
    String admin = adminToken(school);
    importRoster(admin, BindingCodeSheetTests.ROSTER);
    currentTerm(admin);
    Staff teacher = newStaff(school, StaffRole.CLASS_TEACHER);
    call(HttpMethod.PUT, "/api/v1/classes/" + classId(school, "三年级2班") + "/class-teacher", admin,
        Map.of("staffId", teacher.id()), Map.class);
    String token = login(teacher);

    ResponseEntity<Map> own = slips(token, "三年级2班");
    ResponseEntity<Map> other = slips(token, "三年级3班");
    ResponseEntity<Map> duty = slips(login(newStaff(school, StaffRole.DUTY_TEACHER)), "三年级2班");
    ResponseEntity<Map> otherSchool = slips(adminToken(newSchool()), "三年级2班");

    assertThat(own.getStatusCode().value()).isEqualTo(200);
    assertThat(slipsOf(own)).hasSize(3);
    assertThat(other.getStatusCode().value()).isEqualTo(403);
    assertThat(duty.getStatusCode().value()).isEqualTo(403);
    assertThat(otherSchool.getStatusCode().value()).isIn(403, 404);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM binding_code WHERE guardian_id IN (SELECT sg.guardian_id "
        + "FROM student_guardian sg JOIN student s ON s.id = sg.student_id WHERE s.class_id = ?)", Integer.class,
        classId(school, "三年级3班"))).as("nothing issued for the class refused").isZero();
  }

  @Test
  void aBoundGuardianGetsNoSlipAndNoQrCodeOnlyTheirName() {
    long school = newSchool();
    String admin = adminToken(school);
    importRoster(admin, BindingCodeSheetTests.ROSTER);
    currentTerm(admin);
    List<String[]> csv = BindingCodeSheetTests.lines(sheet(admin, "三年级2班").getBody());
    long lilei = bindAsTheBotWould(csv.get(3)[4]);

    ResponseEntity<Map> response = slips(admin, "三年级2班");

    assertThat(slipsOf(response)).extracting(s -> s.get("guardianName")).containsExactly("王芳", "韩梅");
    assertThat((List<Map<String, Object>>) response.getBody().get("bound")).singleElement()
        .satisfies(b -> assertThat(b).containsEntry("guardianId", (int) lilei).containsEntry("guardianName", "李强"));
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM binding_slip_qr q JOIN binding_code bc "
        + "ON bc.id = q.binding_code_id WHERE bc.guardian_id = ?", Integer.class, lilei)).isZero();
  }

  @Test
  void regeneratedCodesTakeTheirQrUrlsWithThemAndGetNewOnes() {
    long school = newSchool();
    String admin = adminToken(school);
    importRoster(admin, BindingCodeSheetTests.ROSTER);
    currentTerm(admin);
    String before = (String) slipsOf(slips(admin, "三年级2班")).get(0).get("code");
    fillAsTheBotWould(before, "http://weixin.qq.com/q/02old", LocalDateTime.now(BEIJING).plusDays(30));

    post("/api/v1/binding-codes/regenerate", admin, Map.of("class", "三年级2班"));

    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM binding_slip_qr WHERE url = 'http://weixin.qq.com/q/02old'",
        Integer.class)).as("the revoked code's url is not kept").isZero();
    Map<String, Object> after = slipsOf(slips(admin, "三年级2班")).get(0);
    assertThat(after.get("code")).isNotEqualTo(before);
    assertThat(after).containsEntry("qr", "PENDING").containsEntry("qrUrl", null);
  }

  @Test
  void aQrCodeAboutToLapseIsAskedForAgainWhileOneLastingTheCodesLifeIsKept() {
    long school = newSchool();
    String admin = adminToken(school);
    importRoster(admin, BindingCodeSheetTests.ROSTER);
    currentTerm(admin);
    List<Map<String, Object>> first = slipsOf(slips(admin, "三年级2班"));
    String lapsing = (String) first.get(0).get("code");
    String lasting = (String) first.get(1).get("code");
    fillAsTheBotWould(lapsing, "http://weixin.qq.com/q/02lapsing", LocalDateTime.now(BEIJING).plusDays(2));
    jdbc.update("UPDATE binding_code SET expires_at = ? WHERE code = ?",
        Timestamp.valueOf(LocalDateTime.now(BEIJING).plusDays(2)), lasting);
    fillAsTheBotWould(lasting, "http://weixin.qq.com/q/02lasting", LocalDateTime.now(BEIJING).plusDays(2));

    List<Map<String, Object>> again = slipsOf(slips(admin, "三年级2班"));

    assertThat(again.get(0)).containsEntry("code", lapsing).containsEntry("qr", "PENDING").containsEntry("qrUrl", null);
    assertThat(again.get(1)).containsEntry("code", lasting).containsEntry("qrUrl", "http://weixin.qq.com/q/02lasting");
  }

  @Test
  void withoutATermThereAreNoSlips() {
    long school = newSchool();
    String admin = adminToken(school);
    importRoster(admin, BindingCodeSheetTests.ROSTER);

    ResponseEntity<Map> response = slips(admin, "三年级2班");

    assertThat(response.getStatusCode().value()).isEqualTo(409);
    assertThat(response.getBody()).containsEntry("code", "NO_CURRENT_TERM");
  }

  /** What the bot writes once WeChat has answered qrcode/create. */
  void fillAsTheBotWould(String code, String url, LocalDateTime expiresAt) {
    assertThat(jdbc.update("UPDATE binding_slip_qr q JOIN binding_code bc ON bc.id = q.binding_code_id "
        + "SET q.state = 'READY', q.url = ?, q.expires_at = ?, q.settled_at = ? WHERE bc.code = ?", url,
        Timestamp.valueOf(expiresAt), Timestamp.valueOf(LocalDateTime.now(BEIJING)), code)).isOne();
  }

  long bindAsTheBotWould(String code) {
    long guardian = jdbc.queryForObject("SELECT guardian_id FROM binding_code WHERE code = ?", Long.class, code);
    jdbc.update("UPDATE binding_code SET used_at = NOW(3), live = NULL WHERE code = ?", code);
    jdbc.update("INSERT INTO wechat_binding (openid, guardian_id) VALUES (?, ?)", unique("o"), guardian);
    return guardian;
  }

  int studentId(long school, String studentNo) {
    return jdbc.queryForObject("SELECT id FROM student WHERE school_id = ? AND student_no = ?", Integer.class, school,
        studentNo);
  }

  void currentTerm(String admin) {
    assertThat(post("/api/v1/terms", admin, Map.of("name", "长学期", "startsOn", "2020-09-01", "endsOn", "2099-01-20"))
        .getStatusCode().value()).isEqualTo(201);
  }

  ResponseEntity<Map> slips(String token, String className) {
    return http.exchange("/api/v1/binding-slips?class={c}", HttpMethod.GET, new HttpEntity<>(bearer(token)),
        Map.class, className);
  }

  ResponseEntity<byte[]> sheet(String token, String className) {
    return http.exchange("/api/v1/binding-codes?class={c}", HttpMethod.GET, new HttpEntity<>(bearer(token)),
        byte[].class, className);
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> slipsOf(ResponseEntity<Map> response) {
    return (List<Map<String, Object>>) response.getBody().get("slips");
  }
}
