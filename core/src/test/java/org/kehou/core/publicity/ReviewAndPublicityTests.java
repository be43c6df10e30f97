package org.kehou.core.publicity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kehou.core.lifecycle.HistoryEntry;
import org.kehou.core.lifecycle.ReviewRefused;
import org.kehou.core.lifecycle.ReviewedApplication;
import org.kehou.core.lifecycle.Reviewer;
import org.kehou.core.review.ReviewService;
import org.kehou.core.testing.SchoolFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

@SpringBootTest
class ReviewAndPublicityTests {

  @Autowired ReviewService reviews;
  @Autowired PublicityService publicity;
  @Autowired JdbcTemplate jdbc;

  SchoolFixture school;
  Reviewer admin;
  Reviewer teacher;
  Reviewer otherTeacher;
  long classId;
  long offering;

  @BeforeEach
  void school() {
    school = new SchoolFixture(jdbc);
    long teacherId = school.staff("CLASS_TEACHER");
    long otherId = school.staff("CLASS_TEACHER");
    admin = new Reviewer(school.staff("SCHOOL_ADMIN"), school.schoolId, true);
    teacher = new Reviewer(teacherId, school.schoolId, false);
    otherTeacher = new Reviewer(otherId, school.schoolId, false);
    classId = school.schoolClass(3, "三年级2班", teacherId);
    school.schoolClass(3, "三年级3班", otherId);
    offering = school.offering("围棋", 10);
  }

  long applicationFor(String name, String priority) {
    long student = school.student(classId, name, priority);
    long guardian = school.guardian(name.charAt(0) + "妈妈", student, "母亲");
    school.bindWeChat(guardian);
    return school.application(student, guardian, "SEATED", offering);
  }

  @Test
  void classTeacherApprovesThenSchoolApprovesAndThePublicityWindowOpens() {
    long app = applicationFor("王小明", "NONE");

    reviews.classApprove(teacher, app);
    reviews.schoolApprove(admin, app);

    assertThat(school.state(app)).isEqualTo("IN_PUBLICITY");
    assertThat(reviews.history(admin, app)).extracting(HistoryEntry::toState)
        .containsExactly("SUBMITTED", "CLASS_APPROVED", "IN_PUBLICITY");
    assertThat(reviews.history(admin, app).get(1).actorId()).isEqualTo(teacher.staffId());
    Integer days = jdbc.queryForObject("SELECT DATEDIFF(publicity_ends_at, publicity_starts_at) FROM application "
        + "WHERE id = ?", Integer.class, app);
    assertThat(days).isEqualTo(3);
  }

  @Test
  void schoolCannotReviewBeforeTheClassTeacher() {
    long app = applicationFor("李小红", "NONE");

    assertThatThrownBy(() -> reviews.schoolApprove(admin, app))
        .isInstanceOfSatisfying(ReviewRefused.class, e -> {
          assertThat(e.kind()).isEqualTo(ReviewRefused.Kind.ILLEGAL_TRANSITION);
          assertThat(e.values()).containsEntry("from", "SUBMITTED").containsEntry("to", "IN_PUBLICITY");
        });
    assertThatThrownBy(() -> reviews.schoolReject(admin, app, "名额已满"))
        .isInstanceOfSatisfying(ReviewRefused.class,
            e -> assertThat(e.kind()).isEqualTo(ReviewRefused.Kind.ILLEGAL_TRANSITION));
    assertThat(school.state(app)).isEqualTo("SUBMITTED");
  }

  @Test
  void rejectingNeedsAReasonAndWritesNothingWithoutOne() {
    long app = applicationFor("张伟", "NONE");

    assertThatThrownBy(() -> reviews.classReject(teacher, app, "  "))
        .isInstanceOfSatisfying(ReviewRefused.class, e -> assertThat(e.kind()).isEqualTo(ReviewRefused.Kind.INVALID));
    assertThat(school.state(app)).isEqualTo("SUBMITTED");
    assertThat(reviews.history(admin, app)).hasSize(1);
  }

  @Test
  void rejectionFreesTheSeatEndsTheApplicationAndTellsEveryGuardianWhy() {
    long app = applicationFor("赵一诺", "NONE");
    long student = jdbc.queryForObject("SELECT student_id FROM application WHERE id = ?", Long.class, app);
    school.guardian("赵爸爸", student, "父亲"); // not bound to WeChat: recorded as unreachable

    reviews.classReject(teacher, app, "家中有老人接送");

    assertThat(school.state(app)).isEqualTo("REJECTED");
    assertThat(jdbc.queryForObject("SELECT live FROM application WHERE id = ?", Integer.class, app)).isNull();
    assertThat(jdbc.queryForList("SELECT status FROM application_choice WHERE application_id = ?", String.class, app))
        .containsExactly("RELEASED");
    List<Map<String, Object>> messages = jdbc.queryForList(
        "SELECT state, body, openid FROM outbox_message WHERE student_id = ? ORDER BY id", student);
    assertThat(messages).extracting(m -> m.get("state")).containsExactly("PENDING", "NO_RECIPIENT");
    assertThat((String) messages.get(0).get("body")).contains("赵一诺").contains("家中有老人接送");
    assertThat(reviews.history(admin, app).get(1).reason()).isEqualTo("家中有老人接送");
  }

  @Test
  void aRejectedApplicationCannotBeApprovedAfterwards() {
    long app = applicationFor("孙浩然", "NONE");
    reviews.classReject(teacher, app, "重复报名");

    assertThatThrownBy(() -> reviews.classApprove(teacher, app))
        .isInstanceOfSatisfying(ReviewRefused.class,
            e -> assertThat(e.kind()).isEqualTo(ReviewRefused.Kind.ILLEGAL_TRANSITION));
  }

  @Test
  void classTeacherOnlyReviewsTheirOwnClassAndNeverTheSchoolStep() {
    long app = applicationFor("周子涵", "NONE");

    assertThatThrownBy(() -> reviews.classApprove(otherTeacher, app))
        .isInstanceOfSatisfying(ReviewRefused.class, e -> assertThat(e.kind()).isEqualTo(ReviewRefused.Kind.NOT_YOURS));
    assertThat(reviews.list(otherTeacher, school.termId, null, null)).isEmpty();
    assertThat(reviews.list(teacher, school.termId, null, null)).extracting(ReviewedApplication::id).containsExactly(app);

    reviews.classApprove(teacher, app);
    assertThatThrownBy(() -> reviews.schoolApprove(teacher, app))
        .isInstanceOfSatisfying(ReviewRefused.class, e -> assertThat(e.kind()).isEqualTo(ReviewRefused.Kind.NOT_YOURS));
  }

  @Test
  void publicityListMasksNamesAndNeverShowsPriority() {
    long app = applicationFor("欧阳小明", "LEFT_BEHIND");
    reviews.classApprove(teacher, app);
    reviews.schoolApprove(admin, app);

    List<PublicityEntry> list = publicity.list(school.termId);

    assertThat(list).singleElement().satisfies(entry -> {
      assertThat(entry.maskedName()).isEqualTo("欧**明");
      assertThat(entry.className()).isEqualTo("三年级2班");
      assertThat(entry.offerings()).isEqualTo("围棋");
      assertThat(entry.toString()).doesNotContain("LEFT_BEHIND");
    });
    assertThat(PublicityEntry.class.getRecordComponents()).extracting(c -> c.getName())
        .doesNotContain("priority");
    assertThat(PublicityEntry.mask("王明")).isEqualTo("王*");
  }

  @Test
  void anOpenObjectionHoldsTheApplicationAndAnUpheldOneRejectsIt() {
    long held = applicationFor("吴雨桐", "NONE");
    long cleared = applicationFor("郑宇轩", "NONE");
    for (long app : List.of(held, cleared)) {
      reviews.classApprove(teacher, app);
      reviews.schoolApprove(admin, app);
    }
    jdbc.update("UPDATE application SET publicity_ends_at = NOW(3) - INTERVAL 1 MINUTE WHERE id IN (?, ?)", held,
        cleared);

    publicity.recordObjection(teacher, held, "该生家长已申请校外托管");
    assertThat(publicity.windowsOver()).contains(cleared).doesNotContain(held);

    long objection = publicity.objections(admin, held).get(0).id();
    assertThatThrownBy(() -> publicity.resolveObjection(teacher, objection, true, "核实属实"))
        .isInstanceOfSatisfying(ReviewRefused.class, e -> assertThat(e.kind()).isEqualTo(ReviewRefused.Kind.NOT_YOURS));
    publicity.resolveObjection(admin, objection, true, "核实属实");

    assertThat(school.state(held)).isEqualTo("REJECTED");
    assertThat(publicity.objections(admin, held)).singleElement()
        .satisfies(o -> assertThat(o.resolution()).isEqualTo("UPHELD"));
    assertThat(publicity.windowsOver()).doesNotContain(held);
  }
}
