package org.kehou.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.kehou.core.agreement.AgreementService;
import org.kehou.core.staff.Staff;
import org.kehou.core.staff.StaffRole;
import org.kehou.core.testing.SchoolFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * Base of the review, publicity and message tests: a school of its own (current term), an admin, a class teacher of
 * 三年级1班 and one of 三年级2班, and a 围棋 offering. Applications are written as the bot writes them, so these tests
 * never depend on the bot.
 */
public abstract class LifecycleApiTest extends ApiTest {

  @Autowired
  protected AgreementService agreements;

  protected SchoolFixture school;
  protected String admin;
  protected Staff teacher;
  protected String teacherToken;
  protected String otherTeacherToken;
  protected long ownClass;
  protected long otherClass;
  protected long chess;

  protected record Family(long student, long guardian, String openid, long application) {
  }

  @BeforeEach
  void aSchoolWithTwoClasses() {
    school = new SchoolFixture(jdbc);
    admin = login(newStaff(school.schoolId, StaffRole.SCHOOL_ADMIN));
    teacher = newStaff(school.schoolId, StaffRole.CLASS_TEACHER);
    Staff otherTeacher = newStaff(school.schoolId, StaffRole.CLASS_TEACHER);
    teacherToken = login(teacher);
    otherTeacherToken = login(otherTeacher);
    ownClass = school.schoolClass(3, "三年级1班", teacher.id());
    otherClass = school.schoolClass(3, "三年级2班", otherTeacher.id());
    chess = school.offering("围棋", 30);
  }

  /** A pupil whose guardian (named 妈妈 after the child's family name) applied for 围棋 and got a seat. */
  protected Family apply(long classId, String child, String priority) {
    long student = school.student(classId, child, priority);
    long guardian = school.guardian(child.charAt(0) + "妈妈", student, "母亲");
    String openid = school.bindWeChat(guardian);
    return new Family(student, guardian, openid, school.application(student, guardian, "SEATED", chess));
  }

  protected ResponseEntity<Map> classReview(String token, long application, String decision, String reason) {
    return post("/api/v1/applications/" + application + "/class-review", token, review(decision, reason));
  }

  protected ResponseEntity<Map> schoolReview(String token, long application, String decision, String reason) {
    return post("/api/v1/applications/" + application + "/school-review", token, review(decision, reason));
  }

  /** Both reviews passed: the application is in publicity. */
  protected void publicise(Family family) {
    assertThat(classReview(teacherToken, family.application(), "APPROVE", null).getStatusCode().value())
        .isEqualTo(200);
    assertThat(schoolReview(admin, family.application(), "APPROVE", null).getStatusCode().value()).isEqualTo(200);
  }

  /** Publicity over, the agreement sent and signed by the guardian with their registered name. */
  protected void activate(Family family, String childName) {
    publicise(family);
    assertThat(agreements.offer(family.application())).isTrue();
    agreements.sign(family.guardian(), family.openid(), family.student(), childName, childName.charAt(0) + "妈妈");
    assertThat(school.state(family.application())).isEqualTo("ACTIVE");
  }

  protected ResponseEntity<List> getList(String path, String token) {
    return call(HttpMethod.GET, path, token, null, List.class);
  }

  private static Map<String, Object> review(String decision, String reason) {
    return reason == null ? Map.of("decision", decision) : Map.of("decision", decision, "reason", reason);
  }
}
