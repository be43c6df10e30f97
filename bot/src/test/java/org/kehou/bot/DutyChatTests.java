package org.kehou.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kehou.core.staff.StaffWechat;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 签到 and 签退 in the chat, for staff who bound their WeChat. The webhook checks message times against the real clock,
 * so the session is built around now: 书法 from this minute to half an hour later (at the latest to 23:58), today made a service day.
 */
class DutyChatTests extends WebhookTestSupport {

  static final LocalTime LATEST_START = LocalTime.of(23, 55);
  /** Before the term's close (23:59 here), so the session keeps its own end. */
  static final LocalTime LATEST_END = LocalTime.of(23, 58);

  @Autowired
  StaffWechat staffWechat;

  Fixture school;
  WechatSimulator wechat;
  long teacher;
  String openid;

  @BeforeEach
  void aTeacherWithASessionNow() {
    // The session must start and end today, a few minutes after now at the least: just before midnight, the new day.
    await().atMost(Duration.ofMinutes(6)).pollInterval(Duration.ofSeconds(1))
        .until(() -> LocalTime.now(Fixture.BEIJING).isBefore(LATEST_START));
    LocalDateTime now = LocalDateTime.now(Fixture.BEIJING);
    school = Fixture.school(jdbc);
    jdbc.update("UPDATE term SET winter_ends_at = '23:59:00', summer_ends_at = '23:59:00' WHERE id = ?",
        school.termId);
    if (now.getDayOfWeek().getValue() > DayOfWeek.FRIDAY.getValue()) {
      jdbc.update("INSERT INTO calendar_day (school_id, term_id, day, kind, runs_as, created_at) "
          + "VALUES (?, ?, ?, 'WORKDAY', 'MON', NOW())", school.schoolId, school.termId, now.toLocalDate());
    }
    teacher = school.staff("DUTY_TEACHER", "周老师");
    LocalTime start = now.toLocalTime().truncatedTo(ChronoUnit.MINUTES);
    jdbc.update("INSERT INTO offering (school_id, term_id, name, kind, weekdays, grades, capacity, starts_at, ends_at, "
        + "teacher_id) VALUES (?, ?, '书法', 'CLUB', 31, 63, 30, ?, ?, ?)", school.schoolId, school.termId, start,
        start.isAfter(LATEST_END.minusMinutes(30)) ? LATEST_END : start.plusMinutes(30), teacher);
    wechat = safe();
    openid = WechatSimulator.openid();
  }

  @Test
  void aBoundTeacherSignsInAndOutInTheChat() {
    assertThat(wechat.say(openid, "绑定 " + staffWechat.issueCode(teacher, teacher).code())).contains("绑定成功");

    String in = wechat.say(openid, "签到");
    String again = wechat.say(openid, "签到");
    String out = wechat.say(openid, "签退");

    assertThat(in).contains("已签到", "书法").doesNotContain("不计补助");
    assertThat(again).contains("没有需要签到");
    assertThat(out).contains("已签退", "书法", "提前签退本次课时不计补助");
    assertThat(jdbc.queryForList("SELECT CONCAT(kind, ':', channel) FROM duty_sign WHERE staff_id = ? ORDER BY id",
        String.class, teacher)).containsExactly("IN:WECHAT", "OUT:WECHAT");
  }

  @Test
  void aParentWhoIsNoStaffIsToldSigningIsForStaff() {
    long child = school.student(school.schoolClass(1, "一年级1班"), "陈小雨");
    assertThat(wechat.say(openid, "绑定 " + school.code(school.guardian("陈妈妈", child)))).contains("绑定成功");

    assertThat(wechat.say(openid, "签到")).contains("教职工");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM duty_sign WHERE staff_id = ?", Integer.class, teacher))
        .isZero();
  }

  @Test
  void aColleagueNotOnDutyHasNothingToSign() {
    long colleague = school.staff("DUTY_TEACHER", "吴老师");
    assertThat(wechat.say(openid, "绑定 " + staffWechat.issueCode(colleague, colleague).code())).contains("绑定成功");

    assertThat(wechat.say(openid, "签到")).contains("今天没有需要签到的值班");
    assertThat(wechat.say(openid, "签退")).contains("没有已签到");
  }
}
