package org.kehou.bot;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kehou.bot.outbox.OutboxTestSends;
import org.kehou.core.outbox.Outbox;
import org.kehou.core.outbox.OutboxMessage;
import org.kehou.core.rollcall.RollCallInput;
import org.kehou.core.rollcall.RollCallService;
import org.kehou.core.staff.Staff;
import org.kehou.core.staff.StaffRole;
import org.kehou.core.staff.StaffWechat;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** A child marked absent: the class teacher who bound their WeChat hears of it there, besides the staff inbox. */
class AbsenceStaffAlertTests extends WebhookTestSupport {

  static final String CUSTOMER = "/cgi-bin/message/custom/send";

  @Autowired
  RollCallService rollCalls;
  @Autowired
  StaffWechat staffWechat;
  @Autowired
  Outbox outbox;
  @Autowired
  ApplicationContext context;

  private final List<Long> staff = new java.util.ArrayList<>();

  @Test
  void classTeacherWithBoundWechatGetsTheAbsenceAlertInTheInboxAndOnWechat() {
    Fixture school = Fixture.school(jdbc);
    long classTeacher = staff(school, "CLASS_TEACHER", "孟老师");
    long dutyTeacher = staff(school, "DUTY_TEACHER", "钟老师");
    long classId = school.schoolClass(4, "四年级2班");
    jdbc.update("UPDATE school_class SET class_teacher_id = ? WHERE id = ?", classTeacher, classId);
    long child = school.student(classId, "欧阳小雪");
    school.guardian("欧阳妈妈", child);
    long offering = sessionToday(school, dutyTeacher, child);
    String openid = WechatSimulator.openid();
    assertThat(safe().say(openid, "绑定 " + staffWechat.issueCode(classTeacher, classTeacher).code()))
        .contains("绑定成功");
    stubWechat(openid);

    rollCalls.take(new Staff(dutyTeacher, school.schoolId, "duty", "钟老师", StaffRole.DUTY_TEACHER, true), offering,
        today(), new RollCallInput(null, null, List.of(child)));

    assertThat(jdbc.queryForObject("SELECT body FROM staff_notice WHERE staff_id = ? AND kind = 'absence'",
        String.class, classTeacher)).contains("欧阳小雪", "点名未到");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM staff_notice WHERE staff_id = ? AND kind = 'absence'",
        Integer.class, dutyTeacher)).as("no WeChat bound: the inbox still").isOne();
    assertThat(outbox.forStaff(dutyTeacher)).isEmpty();
    OutboxMessage alert = outbox.forStaff(classTeacher).stream().filter(m -> m.kind().equals("absence"))
        .reduce((a, b) -> { throw new AssertionError("one absence alert, got two"); }).orElseThrow();

    assertThat(OutboxTestSends.send(context, alert)).as("the teacher just wrote to the account").isEqualTo("CUSTOMER");
    assertThat(WECHAT_API.findAll(postRequestedFor(urlPathEqualTo(CUSTOMER)).withRequestBody(containing(openid))))
        .singleElement().satisfies(r -> assertThat(r.getBodyAsString()).contains("欧阳小雪", "点名未到"));
  }

  /** Rows left PENDING would be drained by the dispatcher tests' instances (the outbox is shared by every test). */
  @AfterEach
  void keepAwayFromDispatchers() {
    for (long id : staff) {
      jdbc.update("UPDATE outbox_message SET state = 'CANCELLED' WHERE staff_id = ? AND state = 'PENDING'", id);
    }
  }

  /** An offering taught by the duty teacher that runs today from midnight, with the child seated in it. */
  private long sessionToday(Fixture school, long teacher, long child) {
    long offering = school.offering("托管看护", 0b11111, 0b111111, 30);
    jdbc.update("UPDATE offering SET teacher_id = ?, starts_at = '00:00:00' WHERE id = ?", teacher, offering);
    if (today().getDayOfWeek() == DayOfWeek.SATURDAY || today().getDayOfWeek() == DayOfWeek.SUNDAY) {
      // A weekend runs no service unless the calendar makes it a working day (调休).
      jdbc.update("INSERT INTO calendar_day (school_id, term_id, day, kind, runs_as, note, created_at) "
          + "VALUES (?, ?, ?, 'WORKDAY', 'MON', '调休', NOW(3))", school.schoolId, school.termId, today());
    }
    jdbc.update("INSERT INTO application (school_id, term_id, student_id, applicant_guardian_id, state, active_from) "
        + "SELECT ?, ?, ?, guardian_id, 'ACTIVE', ? FROM student_guardian WHERE student_id = ?", school.schoolId,
        school.termId, child, today().minusDays(5), child);
    jdbc.update("INSERT INTO application_choice (application_id, offering_id, status) "
        + "SELECT id, ?, 'SEATED' FROM application WHERE student_id = ?", offering, child);
    return offering;
  }

  private static LocalDate today() {
    return LocalDate.now(Fixture.BEIJING);
  }

  private long staff(Fixture school, String role, String name) {
    jdbc.update("INSERT INTO staff (school_id, username, display_name, password_hash, role) VALUES (?, ?, ?, 'x', ?)",
        school.schoolId, "t" + System.nanoTime(), name, role);
    long id = jdbc.queryForObject("SELECT id FROM staff WHERE school_id = ? AND display_name = ?", Long.class,
        school.schoolId, name);
    staff.add(id);
    return id;
  }

  static void stubWechat(String openid) {
    WECHAT_API.stubFor(post(urlPathEqualTo("/cgi-bin/stable_token"))
        .willReturn(okJson("{\"access_token\":\"staff-alert-token\",\"expires_in\":7200}")));
    WECHAT_API.stubFor(post(urlPathEqualTo(CUSTOMER)).withRequestBody(containing(openid)).atPriority(2)
        .willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));
  }
}
