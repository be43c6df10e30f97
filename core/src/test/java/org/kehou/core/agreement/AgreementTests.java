package org.kehou.core.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kehou.core.agreement.AgreementService.SignOutcome;
import org.kehou.core.lifecycle.Reviewer;
import org.kehou.core.review.ReviewService;
import org.kehou.core.testing.SchoolFixture;
import org.kehou.core.text.Texts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

@SpringBootTest
class AgreementTests {

  @Autowired ReviewService reviews;
  @Autowired AgreementService agreements;
  @Autowired JdbcTemplate jdbc;

  SchoolFixture school;
  Reviewer admin;
  long student;
  long mother;
  long father;
  String motherOpenid;
  long application;

  @BeforeEach
  void publicisedApplication() {
    school = new SchoolFixture(jdbc);
    long teacherId = school.staff("CLASS_TEACHER");
    admin = new Reviewer(school.staff("SCHOOL_ADMIN"), school.schoolId, true);
    long classId = school.schoolClass(2, "二年级1班", teacherId);
    long chess = school.offering("围棋", 12);
    student = school.student(classId, "朱欣怡", "NONE");
    mother = school.guardian("高春梅", student, "母亲");
    father = school.guardian("朱国强", student, "父亲");
    motherOpenid = school.bindWeChat(mother);
    school.bindWeChat(father);
    application = school.application(student, mother, "SEATED", chess);
    reviews.classApprove(new Reviewer(teacherId, school.schoolId, false), application);
    reviews.schoolApprove(admin, application);
  }

  @Test
  void cleanPublicityEndSendsTheAgreementWithTheSchoolsRealTerms() {
    assertThat(agreements.offer(application)).isTrue();
    assertThat(agreements.offer(application)).as("a second run of the job changes nothing").isFalse();

    assertThat(school.state(application)).isEqualTo("AGREEMENT_PENDING");
    String text = agreements.pendingText(student).orElseThrow();
    assertThat(text).contains("测试小学", "朱欣怡", "二年级1班", "高春梅、朱国强", "围棋", "每周一、二、三、四、五", "3.5", "17:30", "18:00",
        "15:30");
    assertThat(text.getBytes(StandardCharsets.UTF_8).length).as("fits one WeChat text reply").isLessThan(2048);
    String stored = jdbc.queryForObject("SELECT sha256 FROM agreement_document WHERE application_id = ?", String.class,
        application);
    assertThat(stored).isEqualTo(Texts.sha256(text));
    assertThat(jdbc.queryForList("SELECT guardian_id FROM outbox_message WHERE kind = 'agreement-ready' "
        + "AND student_id = ? ORDER BY guardian_id", Long.class, student)).containsExactly(mother, father);
  }

  @Test
  void anythingButTheRegisteredNameGetsAHintAndSignsNothing() {
    agreements.offer(application);

    SignOutcome outcome = agreements.sign(mother, motherOpenid, student, "朱欣怡", "同意");

    assertThat(outcome.result()).isEqualTo(SignOutcome.Result.WRONG_NAME);
    assertThat(outcome.reply()).contains("登记的姓名");
    assertThat(school.state(application)).isEqualTo("AGREEMENT_PENDING");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM agreement_signature WHERE application_id = ?", Integer.class,
        application)).isZero();
  }

  @Test
  void oneGuardianSignsWithTheirNameTheEnrolmentStartsNextServiceDayAndTheOtherIsTold() {
    agreements.offer(application);

    SignOutcome outcome = agreements.sign(mother, motherOpenid, student, "朱欣怡", " 高 春梅 ");

    assertThat(outcome.result()).isEqualTo(SignOutcome.Result.SIGNED);
    assertThat(school.state(application)).isEqualTo("ACTIVE");
    LocalDate activeFrom = jdbc.queryForObject("SELECT active_from FROM application WHERE id = ?", LocalDate.class,
        application);
    assertThat(activeFrom).isAfter(LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")));
    assertThat(activeFrom.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
    assertThat(outcome.reply()).contains(activeFrom.toString());
    assertThat(jdbc.queryForList("SELECT guardian_id FROM outbox_message WHERE kind = 'agreement-signed' "
        + "AND student_id = ?", Long.class, student)).containsExactly(father);
    assertThat(agreements.sign(father, "ofather", student, "朱欣怡", "朱国强").result())
        .as("one signature suffices").isEqualTo(SignOutcome.Result.NOTHING_TO_SIGN);
  }

  @Test
  void anAdminReChecksTheSignedTextAgainstItsHash() {
    agreements.offer(application);
    agreements.sign(mother, motherOpenid, student, "朱欣怡", "高春梅");

    List<SignedAgreement> signed = agreements.signatures(admin, application);
    assertThat(signed).singleElement().satisfies(s -> {
      assertThat(s.matches()).isTrue();
      assertThat(s.guardianName()).isEqualTo("高春梅");
      assertThat(s.text()).contains("围棋");
    });

    jdbc.update("UPDATE agreement_document SET body = CONCAT(body, ' ') WHERE application_id = ?", application);
    assertThat(agreements.signatures(admin, application)).singleElement()
        .satisfies(s -> assertThat(s.matches()).as("a changed archive no longer matches its signature").isFalse());
  }

  @Test
  void anUnsignedAgreementLapsesAtTheDeadlineAndReleasesTheSeat() {
    agreements.offer(application);
    jdbc.update("UPDATE application SET agreement_deadline_at = NOW(3) - INTERVAL 1 MINUTE WHERE id = ?", application);

    assertThat(agreements.pastDeadline()).contains(application);
    assertThat(agreements.lapse(application)).isTrue();

    assertThat(school.state(application)).isEqualTo("LAPSED");
    assertThat(jdbc.queryForList("SELECT status FROM application_choice WHERE application_id = ?", String.class,
        application)).containsExactly("RELEASED");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox_message WHERE kind = 'agreement-lapsed' "
        + "AND student_id = ?", Integer.class, student)).isEqualTo(2);
  }
}
