package org.kehou.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kehou.core.agreement.AgreementService;
import org.kehou.core.lifecycle.Reviewer;
import org.kehou.core.review.ReviewService;
import org.springframework.beans.factory.annotation.Autowired;

/** A guardian's chat text while their child's absence case is open is the family's answer to the school. */
class AbsenceReplyTests extends WebhookTestSupport {

  @Autowired ReviewService reviews;
  @Autowired AgreementService agreements;

  @Test
  void guardianReplyIsAttachedToOpenCase() {
    Fixture school = Fixture.school(jdbc);
    long classId = school.schoolClass(3, "三年级1班");
    long child = school.student(classId, "林小溪");
    String code = school.code(school.guardian("林女士", child));
    long offering = school.offering("作业看护", 0b11111, 0b111111, 30);
    WechatSimulator wechat = safe();
    String openid = WechatSimulator.openid();
    wechat.say(openid, "绑定 " + code);
    assertThat(wechat.say(openid, "孩子今天在家")).as("no case open: not understood").doesNotContain("学校已收到");

    long staff = teacher(school);
    jdbc.update("INSERT INTO absence_case (school_id, offering_id, session_date, student_id, opened_at, opened_by) "
        + "VALUES (?, ?, ?, ?, ?, ?)", school.schoolId, offering, LocalDate.now(Fixture.BEIJING), child,
        LocalDateTime.now(Fixture.BEIJING), staff);

    assertThat(wechat.say(openid, "孩子发烧了，奶奶接回家了")).contains("谢谢", "林小溪", "学校已收到");
    assertThat(jdbc.queryForObject("SELECT e.text FROM absence_case_event e JOIN absence_case c ON c.id = e.case_id "
        + "WHERE c.student_id = ? AND e.kind = 'GUARDIAN_REPLY'", String.class, child)).isEqualTo("孩子发烧了，奶奶接回家了");
    assertThat(wechat.say(openid, "状态")).as("commands still work").doesNotContain("学校已收到");
  }

  @Test
  void withAnAgreementToSignAndACaseOpenTheRegisteredNameSignsAndOtherTextJoinsTheCase() {
    Fixture school = Fixture.school(jdbc);
    long classId = school.schoolClass(3, "三年级2班");
    long offering = school.offering("书法", 0b11111, 0b111111, 30);
    long child = school.student(classId, "周子涵");
    String code = school.code(school.guardian("周海燕", child));
    WechatSimulator wechat = safe();
    String openid = WechatSimulator.openid();
    for (String said : List.of("绑定 " + code, "告家长书", "已阅", "报名", "1", "确认")) {
      wechat.say(openid, said);
    }
    long application = jdbc.queryForObject("SELECT id FROM application WHERE student_id = ? AND live = 1", Long.class,
        child);
    Reviewer admin = new Reviewer(admin(school), school.schoolId, true);
    reviews.classApprove(admin, application);
    reviews.schoolApprove(admin, application);
    agreements.offer(application);
    jdbc.update("INSERT INTO absence_case (school_id, offering_id, session_date, student_id, opened_at, opened_by) "
        + "VALUES (?, ?, ?, ?, ?, ?)", school.schoolId, offering, LocalDate.now(Fixture.BEIJING), child,
        LocalDateTime.now(Fixture.BEIJING), teacher(school));

    assertThat(wechat.say(openid, "今天孩子去看牙医了")).as("free text answers the school, it is no failed signature")
        .contains("学校已收到", "周子涵").doesNotContain("登记的姓名");
    assertThat(wechat.say(openid, "周海燕")).as("the registered name still signs").contains("已签署", "周子涵");
    assertThat(jdbc.queryForObject("SELECT state FROM application WHERE id = ?", String.class, application))
        .isEqualTo("ACTIVE");
    assertThat(jdbc.queryForList("SELECT e.text FROM absence_case_event e JOIN absence_case c ON c.id = e.case_id "
        + "WHERE c.student_id = ? AND e.kind = 'GUARDIAN_REPLY'", String.class, child))
        .as("only the answer joined the case").containsExactly("今天孩子去看牙医了");
  }

  private long admin(Fixture school) {
    jdbc.update("INSERT INTO staff (school_id, username, display_name, password_hash, role) VALUES (?, ?, '管理员', 'x', "
        + "'SCHOOL_ADMIN')", school.schoolId, "admin-" + UUID.randomUUID());
    return jdbc.queryForObject("SELECT MAX(id) FROM staff WHERE school_id = ?", Long.class, school.schoolId);
  }

  private long teacher(Fixture school) {
    jdbc.update("INSERT INTO staff (school_id, username, display_name, password_hash, role) VALUES (?, ?, '老师', 'x', "
        + "'DUTY_TEACHER')", school.schoolId, "t" + System.nanoTime());
    return jdbc.queryForObject("SELECT MAX(id) FROM staff WHERE school_id = ?", Long.class, school.schoolId);
  }
}
