package org.kehou.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** A guardian's chat text while their child's absence case is open is the family's answer to the school. */
class AbsenceReplyTests extends WebhookTestSupport {

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

  private long teacher(Fixture school) {
    jdbc.update("INSERT INTO staff (school_id, username, display_name, password_hash, role) VALUES (?, ?, '老师', 'x', "
        + "'DUTY_TEACHER')", school.schoolId, "t" + System.nanoTime());
    return jdbc.queryForObject("SELECT MAX(id) FROM staff WHERE school_id = ?", Long.class, school.schoolId);
  }
}
