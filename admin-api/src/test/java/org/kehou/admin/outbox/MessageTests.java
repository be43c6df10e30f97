package org.kehou.admin.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kehou.admin.LifecycleApiTest;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

class MessageTests extends LifecycleApiTest {

  @Test
  void theAdminReadsAPupilsMessagesWithTheirDeliveryStateAndNeverAPhoneNumber() {
    Family family = apply(ownClass, "王小明", "NONE");
    long father = school.guardian("王爸爸", family.student(), "父亲");
    classReview(admin, family.application(), "REJECT", "本学期名额已满");
    jdbc.update("UPDATE outbox_message SET state = 'FAILED', attempts = 1, channel = 'TEMPLATE', "
        + "last_error_code = 43004, last_error = 'require subscribe' WHERE guardian_id = ?", family.guardian());
    String phone = jdbc.queryForObject("SELECT phone FROM guardian WHERE id = ?", String.class, family.guardian());

    ResponseEntity<String> raw = http.exchange("/api/v1/messages?studentId=" + family.student(), HttpMethod.GET,
        new HttpEntity<>(null, bearer(admin)), String.class);
    ResponseEntity<List> listed = getList("/api/v1/messages?studentId=" + family.student(), admin);
    ResponseEntity<List> mother = getList("/api/v1/messages?guardianId=" + family.guardian(), admin);

    assertThat(raw.getStatusCode().value()).isEqualTo(200);
    assertThat(raw.getBody()).doesNotContain(phone).doesNotContain(family.openid()).doesNotContain("phone");
    List<Map<String, Object>> messages = listed.getBody();
    assertThat(messages).extracting(m -> m.get("guardianId"))
        .containsExactlyInAnyOrder((int) family.guardian(), (int) father);
    assertThat(messages).allSatisfy(m -> assertThat(m).containsEntry("kind", "application-rejected")
        .containsKey("createdAt").containsKey("sentAt")
        .hasEntrySatisfying("body", b -> assertThat((String) b).contains("本学期名额已满")));
    assertThat(mother.getBody()).singleElement().satisfies(m -> assertThat((Map<String, Object>) m)
        .containsEntry("state", "FAILED").containsEntry("attempts", 1).containsEntry("channel", "TEMPLATE")
        .containsEntry("lastErrorCode", 43004));
    assertThat(getList("/api/v1/messages?guardianId=" + father, admin).getBody()).singleElement()
        .satisfies(m -> assertThat((Map<String, Object>) m).containsEntry("state", "NO_RECIPIENT"));
  }

  @Test
  void aMessageThatDidNotArriveSaysWhyInWordsATeacherUnderstands() {
    Family family = apply(ownClass, "王小明", "NONE");
    long father = school.guardian("王爸爸", family.student(), "父亲");
    String fatherOpenid = school.bindWeChat(father);
    classReview(admin, family.application(), "REJECT", "本学期名额已满");
    jdbc.update("UPDATE outbox_message SET state = 'FAILED', attempts = 1, channel = NULL, last_error_code = 45015, "
        + "last_error = 'response out of time limit or subscription is canceled' WHERE guardian_id = ?",
        family.guardian());
    jdbc.update("UPDATE outbox_message SET state = 'FAILED', channel = 'TEMPLATE', wechat_msg_id = '9001', "
        + "delivery_status = 'USER_BLOCKED' WHERE guardian_id = ?", father);

    ResponseEntity<String> raw = http.exchange("/api/v1/messages?studentId=" + family.student(), HttpMethod.GET,
        new HttpEntity<>(null, bearer(admin)), String.class);
    List<Map<String, Object>> mother = getList("/api/v1/messages?guardianId=" + family.guardian(), admin).getBody();
    List<Map<String, Object>> dad = getList("/api/v1/messages?guardianId=" + father, admin).getBody();

    assertThat(mother).singleElement().satisfies(m -> assertThat((String) m.get("reason"))
        .contains("48小时", "模板"));
    assertThat(dad).singleElement().satisfies(m -> assertThat(m).containsEntry("delivery", "USER_BLOCKED")
        .hasEntrySatisfying("reason", r -> assertThat((String) r).contains("屏蔽")));
    assertThat(raw.getBody()).doesNotContain("response out of time limit").doesNotContain(fatherOpenid);
  }

  @Test
  void aClassTeacherReadsOnlyTheFamiliesOfTheirOwnClasses() {
    Family own = apply(ownClass, "王小明", "NONE");
    Family other = apply(otherClass, "李小红", "NONE");
    long sibling = school.student(otherClass, "王小亮", "NONE");
    jdbc.update("INSERT INTO student_guardian (student_id, guardian_id, relation) VALUES (?, ?, '母亲')", sibling,
        own.guardian());
    long siblingApplication = school.application(sibling, own.guardian(), "SEATED", chess);
    classReview(admin, own.application(), "REJECT", "名额已满");
    classReview(admin, other.application(), "REJECT", "名额已满");
    classReview(admin, siblingApplication, "REJECT", "名额已满");

    ResponseEntity<List> ownPupil = getList("/api/v1/messages?studentId=" + own.student(), teacherToken);
    ResponseEntity<List> ownGuardian = getList("/api/v1/messages?guardianId=" + own.guardian(), teacherToken);
    ResponseEntity<List> allOfThatGuardian = getList("/api/v1/messages?guardianId=" + own.guardian(), admin);
    ResponseEntity<Map> otherPupil = get("/api/v1/messages?studentId=" + other.student(), teacherToken);
    ResponseEntity<Map> otherGuardian = get("/api/v1/messages?guardianId=" + other.guardian(), teacherToken);

    assertThat(ownPupil.getBody()).hasSize(1);
    assertThat(ownGuardian.getBody()).singleElement()
        .satisfies(m -> assertThat((Map<String, Object>) m).containsEntry("studentId", (int) own.student()));
    assertThat(allOfThatGuardian.getBody()).hasSize(2);
    assertThat(otherPupil.getStatusCode().value()).isEqualTo(403);
    assertThat(otherGuardian.getStatusCode().value()).isEqualTo(403);
  }

  @Test
  void anotherSchoolsFamiliesAreNotFoundAndTheTargetMustBeNamed() {
    Family family = apply(ownClass, "王小明", "NONE");
    String elsewhere = adminToken(newSchool());

    ResponseEntity<Map> foreignPupil = get("/api/v1/messages?studentId=" + family.student(), elsewhere);
    ResponseEntity<Map> foreignGuardian = get("/api/v1/messages?guardianId=" + family.guardian(), elsewhere);
    ResponseEntity<Map> neither = get("/api/v1/messages", admin);
    ResponseEntity<Map> both = get("/api/v1/messages?studentId=" + family.student() + "&guardianId="
        + family.guardian(), admin);

    assertThat(foreignPupil.getStatusCode().value()).isEqualTo(404);
    assertThat(foreignPupil.getBody()).containsEntry("code", "STUDENT_NOT_FOUND");
    assertThat(foreignGuardian.getStatusCode().value()).isEqualTo(404);
    assertThat(neither.getStatusCode().value()).isEqualTo(400);
    assertThat(neither.getBody()).containsEntry("code", "MESSAGES_TARGET");
    assertThat(both.getStatusCode().value()).isEqualTo(400);
  }
}
