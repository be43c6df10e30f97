package org.kehou.bot;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kehou.bot.outbox.OutboxTestSends;
import org.kehou.core.outbox.Outbox;
import org.kehou.core.outbox.OutboxMessage;
import org.kehou.core.staff.StaffWechat;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** 请假 and 取消请假 in the chat, typed or spoken, for a child enrolled every weekday. */
class LeaveChatTests extends WebhookTestSupport {

  /** A Wednesday at least five days ahead: before its cutoff whatever time the test runs. */
  private static final LocalDate WEDNESDAY = LocalDate.now(Fixture.BEIJING).plusDays(5)
      .with(TemporalAdjusters.nextOrSame(DayOfWeek.WEDNESDAY));
  private static final String DAY = WEDNESDAY.getMonthValue() + "月" + WEDNESDAY.getDayOfMonth() + "日";

  @Autowired
  private StaffWechat staffWechat;
  @Autowired
  private Outbox outbox;
  @Autowired
  private ApplicationContext context;

  private WechatSimulator wechat;
  private String openid;
  private long child;

  @BeforeEach
  void aBoundParentOfAnEnrolledChild() {
    Fixture school = Fixture.school(jdbc);
    long classId = school.schoolClass(2, "二年级3班");
    child = school.student(classId, "赵小燕");
    String code = school.code(school.guardian("赵奶奶", child));
    long homework = school.offering("作业看护", 0b11111, 0b111111, 30);
    jdbc.update("INSERT INTO application (school_id, term_id, student_id, applicant_guardian_id, state, active_from) "
        + "SELECT ?, ?, ?, guardian_id, 'ACTIVE', ? FROM student_guardian WHERE student_id = ?", school.schoolId,
        school.termId, child, LocalDate.now(Fixture.BEIJING).minusDays(5), child);
    jdbc.update("INSERT INTO application_choice (application_id, offering_id, status) "
        + "SELECT id, ?, 'SEATED' FROM application WHERE student_id = ?", homework, child);
    wechat = safe();
    openid = WechatSimulator.openid();
    wechat.say(openid, "绑定 " + code);
  }

  @Test
  void typedLeaveIsRecordedShownInStatusAndCancelled() {
    assertThat(wechat.say(openid, "请假 下下周")).contains("没看懂", "请假 明天", "赵小燕");

    assertThat(wechat.say(openid, "请假 " + DAY + " 看牙")).contains("赵小燕", DAY, "请假已登记");
    assertThat(wechat.say(openid, "状态")).contains("已请假：" + DAY);
    assertThat(jdbc.queryForObject("SELECT reason FROM leave_request WHERE student_id = ? AND live = 1", String.class,
        child)).isEqualTo("看牙");

    assertThat(wechat.say(openid, "取消请假 " + DAY)).contains("赵小燕", DAY, "已取消");
    assertThat(wechat.say(openid, "状态")).doesNotContain("已请假");
  }

  @Test
  void leaveAskedInTheChatReachesTheClassTeachersWechat() {
    String username = "t" + System.nanoTime();
    jdbc.update("INSERT INTO staff (school_id, username, display_name, password_hash, role) "
        + "SELECT school_id, ?, '冯老师', 'x', 'CLASS_TEACHER' FROM student WHERE id = ?", username, child);
    long teacher = jdbc.queryForObject("SELECT id FROM staff WHERE username = ?", Long.class, username);
    jdbc.update("UPDATE school_class SET class_teacher_id = ? WHERE id = (SELECT class_id FROM student WHERE id = ?)",
        teacher, child);
    String teacherOpenid = WechatSimulator.openid();
    assertThat(wechat.say(teacherOpenid, "绑定 " + staffWechat.issueCode(teacher, teacher).code())).contains("绑定成功");
    AbsenceStaffAlertTests.stubWechat(teacherOpenid);

    assertThat(wechat.say(openid, "请假 " + DAY + " 看牙")).contains("请假已登记");

    assertThat(jdbc.queryForObject("SELECT body FROM staff_notice WHERE staff_id = ? AND kind = 'leave'", String.class,
        teacher)).contains("赵小燕", "二年级3班", "看牙");
    OutboxMessage alert = outbox.forStaff(teacher).stream().filter(m -> m.kind().equals("leave")).findFirst()
        .orElseThrow();
    try {
      assertThat(OutboxTestSends.send(context, alert)).isEqualTo("CUSTOMER");
      assertThat(WECHAT_API.findAll(postRequestedFor(urlPathEqualTo(AbsenceStaffAlertTests.CUSTOMER))
          .withRequestBody(containing(teacherOpenid)))).singleElement()
          .satisfies(r -> assertThat(r.getBodyAsString()).contains("赵小燕", DAY, "看牙"));
    } finally {
      // A row left PENDING would be drained by the dispatcher tests' instances (the outbox is shared by every test).
      jdbc.update("UPDATE outbox_message SET state = 'CANCELLED' WHERE staff_id = ? AND state = 'PENDING'", teacher);
    }
  }

  @Test
  void voiceMessageWithRecognitionAsksLeave() {
    String reply = wechat.replyText(wechat.post(voiceXml(openid, "请假" + DAY + "。")).getBody());

    assertThat(reply).contains("赵小燕", DAY, "请假已登记");
    assertThat(jdbc.queryForObject("SELECT day FROM leave_request WHERE student_id = ? AND live = 1", LocalDate.class,
        child)).isEqualTo(WEDNESDAY);
  }

  @Test
  void voiceWithoutRecognitionAsksToType() {
    String reply = wechat.replyText(wechat.post(voiceXml(openid, null)).getBody());

    assertThat(reply).contains("请直接输入文字", "请假 明天");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM leave_request WHERE student_id = ?", Integer.class, child))
        .isZero();
  }

  private static String voiceXml(String openid, String recognition) {
    return "<xml><ToUserName><![CDATA[" + WechatSimulator.ACCOUNT + "]]></ToUserName><FromUserName><![CDATA["
        + openid + "]]></FromUserName><CreateTime>" + WechatSimulator.now() + "</CreateTime>"
        + "<MsgType><![CDATA[voice]]></MsgType><MediaId><![CDATA[media-1]]></MediaId><Format><![CDATA[amr]]></Format>"
        + (recognition == null ? "" : "<Recognition><![CDATA[" + recognition + "]]></Recognition>")
        + "<MsgId>" + WechatSimulator.nextMsgId() + "</MsgId></xml>";
  }
}
