package org.kehou.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kehou.core.agreement.AgreementService;
import org.kehou.core.lifecycle.Reviewer;
import org.kehou.core.notice.ChildStatus;
import org.kehou.core.notice.NoticeReport;
import org.kehou.core.notice.Notices;
import org.kehou.core.outbox.Outbox;
import org.kehou.core.outbox.OutboxMessage;
import org.kehou.core.review.ReviewService;
import org.springframework.beans.factory.annotation.Autowired;

/** Issue 13 in the chat: 收到 confirms a notice for the guardian account, 收到 3 a given one, 通知 lists them. */
class NoticeChatTests extends WebhookTestSupport {

  @Autowired Notices notices;
  @Autowired NoticeReport reports;
  @Autowired Outbox outbox;
  @Autowired ReviewService reviews;
  @Autowired AgreementService agreements;

  private WechatSimulator wechat;
  private NoticeFamilies families;

  @BeforeEach
  void aClassWithItsTeacher() {
    wechat = safe();
    families = new NoticeFamilies(jdbc, notices, wechat);
  }

  @AfterEach
  void keepAwayFromDispatchers() {
    families.cancelPending();
  }

  @Test
  void parentTypesReceivedAndTheNewestNoticeIsConfirmed() {
    long child = families.school.student(families.classId, "吴小雨");
    long guardian = families.school.guardian("吴妈妈", child);
    String openid = families.bind(guardian);
    long older = families.send("周五春游", "周五春游，请带午餐。");
    long newer = families.send("明天提前放学", "明天15:00放学。");

    assertThat(wechat.say(openid, "收到")).contains("已确认收到通知2", "明天提前放学", "吴小雨");
    assertThat(confirmedVia(newer, guardian)).isEqualTo("CHAT");
    assertThat(confirmedVia(older, guardian)).as("only the newest").isNull();

    assertThat(wechat.say(openid, "收到！")).as("the next newest, typed as in class groups")
        .contains("已确认收到通知1", "周五春游");
    assertThat(confirmedVia(older, guardian)).isEqualTo("CHAT");
    assertThat(wechat.say(openid, "收到")).contains("目前没有待确认的通知");
  }

  @Test
  void parentTypesReceivedWithANumberAndThatNoticeIsConfirmedOnce() {
    long child = families.school.student(families.classId, "郑小北");
    long guardian = families.school.guardian("郑爸爸", child);
    String openid = families.bind(guardian);
    long first = families.send("家长会", "周三晚上7点家长会。");
    long second = families.send("校服订购", "请在周五前订购校服。");

    assertThat(wechat.say(openid, "收到 1")).contains("已确认收到通知1", "家长会", "郑小北");
    assertThat(confirmedVia(first, guardian)).isEqualTo("CHAT");
    assertThat(confirmedVia(second, guardian)).isNull();

    assertThat(wechat.say(openid, "收到1")).as("confirmed before: said so, nothing changes")
        .contains("通知1", "已于", "确认过");
    assertThat(wechat.say(openid, "收到 7")).contains("没有编号为7的通知", "回复“通知”");
    assertThat(wechat.say(openid, "收到 99999999999")).contains("没有编号为99999999999的通知");
    assertThat(confirmedVia(second, guardian)).as("a wrong number confirms nothing").isNull();
  }

  @Test
  void noticesListsTheRecentOnesWithNumberDateTitleChildrenAndWhetherConfirmed() {
    long child = families.school.student(families.classId, "冯小溪");
    long guardian = families.school.guardian("冯妈妈", child);
    String openid = families.bind(guardian);
    assertThat(wechat.say(openid, "通知")).contains("还没有收到过学校的通知");
    families.send("运动会", "下周一运动会。");
    families.send("体检", "周四体检，请空腹。");
    wechat.say(openid, "收到 1");
    LocalDate today = LocalDate.now(Fixture.BEIJING);
    String date = today.getMonthValue() + "月" + today.getDayOfMonth() + "日";

    String list = wechat.say(openid, "通知");

    assertThat(list).startsWith("最近的通知").contains(
        "2. " + date + "【体检】冯小溪，未确认",
        "1. " + date + "【运动会】冯小溪，已确认");
    assertThat(list.indexOf("2. ")).as("newest first").isLessThan(list.indexOf("1. "));
  }

  @Test
  void eitherGuardianOfAChildConfirmsForTheChild() {
    long child = families.school.student(families.classId, "孙小禾");
    long mother = families.school.guardian("孙妈妈", child);
    long father = families.school.guardian("孙爸爸", child);
    families.bind(mother);
    String fathersWechat = families.bind(father);
    long notice = families.send("雨天接送", "明天有雨，请带伞接孩子。");
    assertThat(outbox.forGuardian(mother)).hasSize(1);
    assertThat(outbox.forGuardian(father)).hasSize(1);

    assertThat(wechat.say(fathersWechat, "收到")).contains("孙小禾");

    ChildStatus status = reports.status(families.teacher, notice).perChild().get(0);
    assertThat(status.state()).isEqualTo(ChildStatus.State.CONFIRMED);
    assertThat(status.confirmedBy()).contains("孙爸爸");
    assertThat(confirmedVia(notice, mother)).as("the mother's own confirmation is still hers to give").isNull();
  }

  @Test
  void aGuardianOfTwoChildrenInOneNoticeGetsOneMessageNamingBoth() {
    long elder = families.school.student(families.classId, "钱大宝");
    long younger = families.school.student(families.classId, "钱小宝");
    long guardian = families.school.guardian("钱妈妈", elder, younger);
    String openid = families.bind(guardian);

    families.send("秋游费用", "秋游每人50元。");

    List<OutboxMessage> messages = outbox.forGuardian(guardian);
    assertThat(messages).singleElement().satisfies(m -> {
      assertThat(m.kind()).isEqualTo("notice");
      assertThat(m.body()).contains("钱大宝", "钱小宝", "秋游费用", "收到 1", "/notice/");
      assertThat(m.studentId()).as("about both: listed under neither").isNull();
    });
    assertThat(wechat.say(openid, "收到")).contains("钱大宝", "钱小宝");
  }

  @Test
  void withAnAgreementToSignAndAnAbsenceCaseOpenReceivedStillConfirmsTheNotice() {
    long offering = families.school.offering("书法", 0b11111, 0b111111, 30);
    long child = families.school.student(families.classId, "周小满");
    long guardian = families.school.guardian("周海燕", child);
    String openid = families.bind(guardian);
    for (String said : List.of("告家长书", "已阅", "报名", "1", "确认")) {
      wechat.say(openid, said);
    }
    long application = jdbc.queryForObject("SELECT id FROM application WHERE student_id = ? AND live = 1", Long.class,
        child);
    long adminId = families.school.staff("SCHOOL_ADMIN", "管理员");
    Reviewer admin = new Reviewer(adminId, families.school.schoolId, true);
    reviews.classApprove(admin, application);
    reviews.schoolApprove(admin, application);
    assertThat(agreements.offer(application)).isTrue();
    jdbc.update("INSERT INTO absence_case (school_id, offering_id, session_date, student_id, opened_at, opened_by) "
        + "VALUES (?, ?, ?, ?, ?, ?)", families.school.schoolId, offering, LocalDate.now(Fixture.BEIJING), child,
        LocalDateTime.now(Fixture.BEIJING), families.teacher.id());
    long notice = families.send("书法课调课", "本周书法课改到周四。");

    assertThat(wechat.say(openid, "收到")).contains("已确认收到通知1", "周小满");

    assertThat(confirmedVia(notice, guardian)).isEqualTo("CHAT");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM absence_case_event e JOIN absence_case c ON c.id = e.case_id "
        + "WHERE c.student_id = ? AND e.kind = 'GUARDIAN_REPLY'", Integer.class, child))
        .as("no answer to the absence case").isZero();
    assertThat(wechat.say(openid, "周海燕")).as("the agreement still waits for the name").contains("已签署");
  }

  @Test
  void aWechatUserWhoIsNotBoundIsToldToBindFirst() {
    assertThat(wechat.say(WechatSimulator.openid(), "收到")).contains("绑定");
    assertThat(wechat.say(WechatSimulator.openid(), "通知")).contains("绑定");
  }

  private String confirmedVia(long notice, long guardian) {
    return jdbc.queryForObject("SELECT confirmed_via FROM parent_notice_guardian WHERE notice_id = ? "
        + "AND guardian_id = ?", String.class, notice, guardian);
  }
}
