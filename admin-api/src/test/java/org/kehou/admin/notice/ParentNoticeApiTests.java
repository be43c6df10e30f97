package org.kehou.admin.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kehou.admin.LifecycleApiTest;
import org.kehou.core.notice.Confirmations;
import org.kehou.core.notice.NoticeLinks;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * Notices to parents through the admin API: a class teacher reaches their own class only, the admin the whole school;
 * one message per guardian account naming each of their children; the sender sees who confirmed and who to call.
 */
class ParentNoticeApiTests extends LifecycleApiTest {

  static final String PATH = "/api/v1/parent-notices";

  @Autowired Confirmations confirmations;
  @Autowired NoticeLinks links;

  Family ownPupil;
  Family otherPupil;
  long ownSibling;

  @BeforeEach
  void pupilsInBothClassesAndAMotherOfTwo() {
    ownPupil = apply(ownClass, "王小明", "NONE");
    otherPupil = apply(otherClass, "李雷", "NONE");
    // 王妈妈's second child, in the other class: the school's notice reaches her once, naming both.
    ownSibling = school.student(otherClass, "王小红", "NONE");
    jdbc.update("INSERT INTO student_guardian (student_id, guardian_id, relation) VALUES (?, ?, '母亲')", ownSibling,
        ownPupil.guardian());
  }

  @Test
  void classTeacherIsRefusedAnotherClassAndTheSchool() {
    ResponseEntity<Map> otherClassRefused = post(PATH, teacherToken, notice("CLASS", otherClass));
    ResponseEntity<Map> schoolRefused = post(PATH, teacherToken, notice("SCHOOL", null));
    ResponseEntity<Map> missingClassRefused = post(PATH, teacherToken, notice("CLASS", 999_999_999L));

    assertThat(otherClassRefused.getStatusCode().value()).isEqualTo(403);
    assertThat(otherClassRefused.getBody()).containsEntry("code", "FORBIDDEN");
    assertThat((String) otherClassRefused.getBody().get("detail")).contains("班主任");
    assertThat(schoolRefused.getStatusCode().value()).isEqualTo(403);
    assertThat(missingClassRefused.getStatusCode().value()).as("no probing which classes exist").isEqualTo(403);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM parent_notice WHERE school_id = ?", Integer.class,
        school.schoolId)).isZero();
  }

  @Test
  void classTeacherSendsToOwnClassAndEachGuardianGetsOneMessageWithTheirLink() {
    ResponseEntity<Map> sent = post(PATH, teacherToken, notice("CLASS", ownClass));

    assertThat(sent.getStatusCode().value()).isEqualTo(201);
    assertThat(sent.getBody()).containsEntry("children", 1).containsEntry("families", 1)
        .containsEntry("familiesOnWechat", 1);
    long noticeId = ((Number) sent.getBody().get("noticeId")).longValue();
    Map<String, Object> row = jdbc.queryForMap("SELECT kind, body, link, openid FROM outbox_message "
        + "WHERE guardian_id = ? AND kind = 'notice'", ownPupil.guardian());
    assertThat(row.get("openid")).isEqualTo(ownPupil.openid());
    assertThat((String) row.get("body")).contains("今天16:30提前放学", "王小明", "收到 1").doesNotContain("王小红");
    assertThat((String) row.get("link")).endsWith("/notice/" + links.token(noticeId, ownPupil.guardian()));
    assertThat((String) row.get("body")).contains((String) row.get("link"));
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox_message WHERE guardian_id = ?", Integer.class,
        otherPupil.guardian())).as("the other class hears nothing").isZero();
  }

  @Test
  void schoolNoticeReachesAMotherOfTwoOnceNamingBothChildren() {
    ResponseEntity<Map> sent = post(PATH, admin, notice("SCHOOL", null));

    assertThat(sent.getStatusCode().value()).isEqualTo(201);
    assertThat(sent.getBody()).containsEntry("children", 3).containsEntry("families", 2);
    List<String> bodies = jdbc.queryForList("SELECT body FROM outbox_message WHERE guardian_id = ? "
        + "AND kind = 'notice'", String.class, ownPupil.guardian());
    assertThat(bodies).hasSize(1);
    assertThat(bodies.get(0)).contains("王小明", "王小红");
  }

  @Test
  void previewCountsWithoutSendingAndUnboundFamiliesAreCounted() {
    long unbound = school.student(ownClass, "张三", "NONE");
    school.guardian("张爸爸", unbound, "父亲");

    ResponseEntity<Map> preview = post(PATH + "/preview", teacherToken, notice("CLASS", ownClass));

    assertThat(preview.getStatusCode().value()).isEqualTo(200);
    assertThat(preview.getBody()).containsEntry("children", 2).containsEntry("families", 2)
        .containsEntry("familiesOnWechat", 1).containsEntry("noticeId", null);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox_message WHERE school_id = ?", Integer.class,
        school.schoolId)).isZero();
  }

  @Test
  void afterSchoolPupilsOfAClassAreOnlyThoseWithASignedEnrolment() {
    long notEnrolled = school.student(ownClass, "赵六", "NONE");
    school.bindWeChat(school.guardian("赵妈妈", notEnrolled, "母亲"));
    jdbc.update("UPDATE application SET state = 'ACTIVE' WHERE id = ?", ownPupil.application());

    ResponseEntity<Map> preview = post(PATH + "/preview", teacherToken, notice("CLASS_SERVICE", ownClass));
    ResponseEntity<Map> wholeClass = post(PATH + "/preview", teacherToken, notice("CLASS", ownClass));

    assertThat(preview.getBody()).containsEntry("children", 1);
    assertThat(wholeClass.getBody()).containsEntry("children", 2);
  }

  @Test
  void anOfferingsTeacherReachesItsPupilsAcrossClasses() {
    jdbc.update("UPDATE offering SET teacher_id = ? WHERE id = ?", teacher.id(), chess);
    jdbc.update("UPDATE application SET state = 'ACTIVE' WHERE id IN (?, ?)", ownPupil.application(),
        otherPupil.application());

    ResponseEntity<Map> sent = post(PATH, teacherToken, notice("OFFERING", chess));
    ResponseEntity<Map> refused = post(PATH, otherTeacherToken, notice("OFFERING", chess));

    assertThat(sent.getStatusCode().value()).isEqualTo(201);
    assertThat(sent.getBody()).containsEntry("children", 2);
    assertThat(refused.getStatusCode().value()).isEqualTo(403);
  }

  @Test
  void badFieldsAreRefusedWithTheFieldNamed() {
    Map<String, Object> longTitle = notice("CLASS", ownClass);
    longTitle.put("title", "这是一个超过了二十个字的通知标题，模板放不下它的");
    Map<String, Object> noDeadline = notice("CLASS", ownClass);
    noDeadline.put("confirmRequired", true);
    Map<String, Object> pastDeadline = notice("CLASS", ownClass);
    pastDeadline.put("confirmRequired", true);
    pastDeadline.put("confirmBy", LocalDateTime.now(ZoneId.of("Asia/Shanghai")).minusHours(1).toString());

    for (Map<String, Object> bad : List.of(longTitle, noDeadline, pastDeadline)) {
      ResponseEntity<Map> refused = post(PATH, teacherToken, bad);
      assertThat(refused.getStatusCode().value()).isEqualTo(400);
      assertThat(refused.getBody()).containsEntry("code", "INVALID");
    }
    assertThat(post(PATH, teacherToken, Map.of("audience", "CLASS", "audienceId", ownClass, "body", "x"))
        .getBody()).containsEntry("code", "INVALID");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM parent_notice WHERE school_id = ?", Integer.class,
        school.schoolId)).isZero();
  }

  @Test
  void theSenderSeesWhoConfirmedWhoWasNotReachedAndExportsWhomToCall() {
    long unbound = school.student(ownClass, "张三", "NONE");
    school.guardian("张爸爸", unbound, "父亲");
    Map<String, Object> asked = notice("CLASS", ownClass);
    asked.put("confirmRequired", true);
    asked.put("confirmBy", LocalDateTime.now(ZoneId.of("Asia/Shanghai")).plusDays(1).withNano(0).toString());
    long noticeId = ((Number) post(PATH, teacherToken, asked).getBody().get("noticeId")).longValue();
    assertThat(confirmations.confirmByLink(links.token(noticeId, ownPupil.guardian()))).isPresent();

    ResponseEntity<Map> status = get(PATH + "/" + noticeId, teacherToken);

    assertThat(status.getStatusCode().value()).isEqualTo(200);
    assertThat(status.getBody()).containsEntry("children", 2).containsEntry("confirmed", 1)
        .containsEntry("failed", 1);
    List<Map<String, Object>> perChild = (List<Map<String, Object>>) status.getBody().get("perChild");
    assertThat(perChild).extracting(c -> c.get("studentName"), c -> c.get("state"))
        .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("王小明", "CONFIRMED"),
            org.assertj.core.groups.Tuple.tuple("张三", "FAILED"));
    Map<String, Object> confirmed = perChild.stream().filter(c -> c.get("studentName").equals("王小明")).findFirst()
        .orElseThrow();
    assertThat(confirmed).containsEntry("confirmedBy", "王妈妈（母亲）").containsEntry("confirmedVia", "LINK");
    Map<String, Object> failed = perChild.stream().filter(c -> c.get("studentName").equals("张三")).findFirst()
        .orElseThrow();
    assertThat((List<String>) failed.get("failures")).containsExactly("张爸爸：家长未绑定微信");

    ResponseEntity<byte[]> csv = call(HttpMethod.GET, PATH + "/" + noticeId + "/unconfirmed.csv", teacherToken,
        null, byte[].class);
    String sheet = new String(csv.getBody(), StandardCharsets.UTF_8);
    String phone = jdbc.queryForObject("SELECT phone FROM guardian WHERE name = '张爸爸' AND school_id = ?",
        String.class, school.schoolId);
    assertThat(sheet).startsWith("\uFEFF班级,学生,家长,关系,手机号,送达情况").contains("张三", "张爸爸", phone,
        "家长未绑定微信").doesNotContain("王小明");

    assertThat(get(PATH + "/" + noticeId, otherTeacherToken).getStatusCode().value()).isEqualTo(403);
    assertThat(get(PATH + "/" + noticeId, admin).getStatusCode().value()).isEqualTo(200);
    assertThat(getList(PATH, teacherToken).getBody()).hasSize(1);
    assertThat(getList(PATH, otherTeacherToken).getBody()).isEmpty();
    Map<String, Object> summary = (Map<String, Object>) getList(PATH, admin).getBody().get(0);
    assertThat(summary).containsEntry("children", 2).containsEntry("confirmedChildren", 1)
        .containsEntry("families", 2).containsEntry("confirmedFamilies", 1);
  }

  @Test
  void aClassTeachersExportOfAnAdminsSchoolNoticeIsRefused() {
    long noticeId = ((Number) post(PATH, admin, notice("SCHOOL", null)).getBody().get("noticeId")).longValue();

    ResponseEntity<Map> refused = get(PATH + "/" + noticeId + "/unconfirmed.csv", teacherToken);

    assertThat(refused.getStatusCode().value()).isEqualTo(403);
  }

  static Map<String, Object> notice(String audience, Long audienceId) {
    Map<String, Object> notice = new HashMap<>();
    notice.put("audience", audience);
    if (audienceId != null) {
      notice.put("audienceId", audienceId);
    }
    notice.put("title", "今天提前放学");
    notice.put("body", "因教师培训，今天16:30提前放学，请按时接孩子。");
    return notice;
  }
}
