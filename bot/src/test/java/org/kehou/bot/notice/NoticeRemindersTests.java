package org.kehou.bot.notice;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kehou.bot.BotApplication;
import org.kehou.bot.outbox.OutboxTestSends;
import org.kehou.core.notice.AudienceKind;
import org.kehou.core.notice.Confirmations;
import org.kehou.core.notice.NoticeDraft;
import org.kehou.core.notice.NoticeLinks;
import org.kehou.core.notice.NoticeReminders;
import org.kehou.core.notice.Notices;
import org.kehou.core.outbox.Outbox;
import org.kehou.core.outbox.OutboxMessage;
import org.kehou.core.staff.Staff;
import org.kehou.core.staff.StaffRole;
import org.kehou.core.staff.StaffWechat;
import org.kehou.core.testing.SchoolFixture;
import org.kehou.core.testing.SettableClock;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 13, after sending: reminders before the deadline to the families nobody confirmed for, once, never in the quiet
 * hours unless urgent; an urgent notice still unconfirmed is told to its sender; the messages go as template messages
 * opening each guardian's page. The test drives the clock and the job's ticker (the scheduler does not start), on days
 * a month ahead that no other test's clock reaches; WeChat is WireMock.
 */
class NoticeRemindersTests {

  static final String TEMPLATE_SEND = "/cgi-bin/message/template/send";
  static final String PAGE_URL = "https://kehou.school.example";
  static final LocalDate DAY = LocalDate.now(SettableClock.BEIJING).plusDays(40);

  static WireMockServer wechat;
  static ConfigurableApplicationContext bot;

  SettableClock clock;
  JdbcTemplate jdbc;
  SchoolFixture school;
  Staff teacher;
  long classId;

  @BeforeAll
  static void bot() {
    wechat = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    wechat.start();
    wechat.stubFor(post(urlPathEqualTo("/cgi-bin/stable_token"))
        .willReturn(okJson("{\"access_token\":\"notice-token\",\"expires_in\":7200}")));
    wechat.stubFor(post(urlPathEqualTo(TEMPLATE_SEND)).willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\",\"msgid\":1}")));
    bot = new SpringApplicationBuilder(BotApplication.class, SettableClock.Config.class).run(
        "--server.port=0",
        "--spring.quartz.scheduler-name=kehou-notice-reminders",
        "--spring.quartz.auto-startup=false",
        "--kehou.wechat.api-base=" + wechat.baseUrl(),
        "--kehou.wechat.app-id=wx-notice-test",
        "--kehou.wechat.secret=notice-secret",
        "--kehou.wechat.token=notice-token-check",
        "--kehou.outbox.dispatcher-enabled=false",
        "--kehou.outbox.prefer-templates=true",
        "--kehou.notices.page-url=" + PAGE_URL,
        "--kehou.outbox.templates.notice.id=tmpl-notice",
        "--kehou.outbox.templates.notice.fields=thing1=title, thing2=child, thing3=sender, time4=sentAt",
        "--kehou.outbox.templates.notice-unconfirmed.id=tmpl-unconfirmed",
        "--kehou.outbox.templates.notice-unconfirmed.fields=thing1=title, number2=count");
  }

  @AfterAll
  static void stop() {
    bot.close();
    wechat.stop();
  }

  @BeforeEach
  void aClassAndItsTeacher() {
    clock = bot.getBean(SettableClock.class);
    jdbc = bot.getBean(JdbcTemplate.class);
    school = new SchoolFixture(jdbc);
    long teacherId = school.staff("CLASS_TEACHER");
    classId = school.schoolClass(3, "三年级2班", teacherId);
    teacher = new Staff(teacherId, school.schoolId, "teacher", "老师", StaffRole.CLASS_TEACHER, true);
  }

  /** Rows left PENDING would be drained by the dispatcher tests' instances (the outbox is shared by every test). */
  @AfterEach
  void keepAwayFromDispatchers() {
    jdbc.update("UPDATE outbox_message SET state = 'CANCELLED' WHERE school_id = ? AND state = 'PENDING'",
        school.schoolId);
  }

  @Test
  void remindersGoOnlyToTheFamiliesOfChildrenNobodyConfirmedForAndOnlyOnce() {
    long confirmedByTheOtherParent = school.student(classId, "陈一", "NONE");
    long firstParent = bound("陈一妈妈", confirmedByTheOtherParent);
    long otherParent = bound("陈一爸爸", confirmedByTheOtherParent);
    long confirmedChild = school.student(classId, "陈二", "NONE");
    long confirmingParent = bound("陈二妈妈", confirmedChild);
    long forgottenChild = school.student(classId, "陈三", "NONE");
    long forgetfulParent = bound("陈三妈妈", forgottenChild);
    clock.set(DAY.atTime(9, 0));
    long notice = send("交回执", DAY.atTime(17, 0), false);
    Confirmations confirmations = bot.getBean(Confirmations.class);
    confirmations.confirmNewest(otherParent);
    confirmations.confirmNewest(confirmingParent);

    tickAt(DAY.atTime(14, 59));
    assertThat(reminders(notice)).as("more than two hours before the deadline").isEmpty();

    tickAt(DAY.atTime(15, 0));
    tickAt(DAY.atTime(15, 1));

    assertThat(reminders(notice)).singleElement().satisfies(m -> {
      assertThat(m.guardianId()).isEqualTo(forgetfulParent);
      assertThat(m.kind()).isEqualTo(NoticeReminders.REMINDER_KIND);
      assertThat(m.body()).contains("提醒", "陈三", "交回执", "收到 1",
          bot.getBean(NoticeLinks.class).url(notice, forgetfulParent));
    });
    assertThat(List.of(firstParent, otherParent, confirmingParent)).as("their children are confirmed for")
        .allSatisfy(g -> assertThat(reminders(notice)).noneMatch(m -> m.guardianId() == g));
  }

  @Test
  void aReminderFallingInTheQuietHoursWaitsForTheMorningWhileAnUrgentOneGoesAtOnce() {
    long child = school.student(classId, "林一", "NONE");
    long parent = bound("林一妈妈", child);
    clock.set(DAY.minusDays(1).atTime(18, 0));
    long ordinary = send("明早交作业本", DAY.atTime(8, 0), false);
    long urgent = send("明早停课", DAY.atTime(8, 0), true);

    tickAt(DAY.atTime(6, 0));

    assertThat(reminders(urgent)).singleElement().satisfies(m -> {
      assertThat(m.guardianId()).isEqualTo(parent);
      assertThat(m.kind()).isEqualTo(NoticeReminders.URGENT_REMINDER_KIND);
    });
    assertThat(reminders(ordinary)).as("06:00 is within the quiet hours").isEmpty();

    tickAt(DAY.atTime(6, 59));
    assertThat(reminders(ordinary)).isEmpty();
    tickAt(DAY.atTime(7, 0));
    assertThat(reminders(ordinary)).singleElement()
        .satisfies(m -> assertThat(m.kind()).isEqualTo(NoticeReminders.REMINDER_KIND));
    assertThat(reminders(urgent)).as("still once").hasSize(1);
  }

  @Test
  void anUrgentNoticeStillUnconfirmedAfterHalfAnHourIsToldToItsSendersWechat() {
    long unconfirmed = school.student(classId, "张一", "NONE");
    bound("张一妈妈", unconfirmed);
    long confirmed = school.student(classId, "张二", "NONE");
    long confirming = bound("张二妈妈", confirmed);
    clock.set(DAY.atTime(10, 0));
    StaffWechat staffWechat = bot.getBean(StaffWechat.class);
    String teachersWechat = "o-notice-teacher-" + System.nanoTime();
    String code = staffWechat.issueCode(teacher.id(), teacher.id()).code();
    bot.getBean(TransactionTemplate.class).executeWithoutResult(tx ->
        staffWechat.redeem(teachersWechat, code, DAY.atTime(10, 0)).orElseThrow());
    long notice = send("暴雨提前放学", null, true);
    bot.getBean(Confirmations.class).confirmNewest(confirming);

    tickAt(DAY.atTime(10, 29));
    assertThat(alerts()).as("not yet half an hour").isZero();
    tickAt(DAY.atTime(10, 30));
    tickAt(DAY.atTime(10, 31));

    assertThat(alerts()).as("once").isEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT body FROM staff_notice WHERE staff_id = ? AND kind = ?", String.class,
        teacher.id(), NoticeReminders.STAFF_KIND)).contains("暴雨提前放学", "张一").doesNotContain("张二");
    OutboxMessage alert = bot.getBean(Outbox.class).forStaff(teacher.id()).stream()
        .filter(m -> m.kind().equals(NoticeReminders.STAFF_KIND)).findFirst().orElseThrow();
    assertThat(OutboxTestSends.send(bot, alert)).isEqualTo("TEMPLATE");
    assertThat(templatesTo(teachersWechat)).singleElement().satisfies(r -> assertThat(r.getBodyAsString())
        .contains("tmpl-unconfirmed", "暴雨提前放学", "\"value\":\"1\""));
    assertThat(reminders(notice)).as("no deadline, no reminder").isEmpty();
  }

  @Test
  void theNoticeGoesAsATemplateMessageOpeningTheGuardiansOwnPage() {
    long child = school.student(classId, "何一", "NONE");
    long parent = school.guardian("何一妈妈", child, "母亲");
    String openid = school.bindWeChat(parent);
    clock.set(DAY.atTime(9, 0));
    long notice = send("周五开放日", null, false);
    OutboxMessage message = bot.getBean(Outbox.class).forGuardian(parent).get(0);
    String link = bot.getBean(NoticeLinks.class).url(notice, parent);
    assertThat(link).startsWith(PAGE_URL + "/notice/" + notice + "." + parent + ".");

    assertThat(OutboxTestSends.send(bot, message)).isEqualTo("TEMPLATE");

    assertThat(templatesTo(openid)).singleElement().satisfies(r -> assertThat(r.getBodyAsString())
        .contains("tmpl-notice", "\"url\":\"" + link + "\"", "周五开放日", "何一"));
  }

  private long bound(String name, long child) {
    long guardian = school.guardian(name, child, "母亲");
    school.bindWeChat(guardian);
    return guardian;
  }

  private long send(String title, LocalDateTime confirmBy, boolean urgent) {
    return bot.getBean(Notices.class).send(teacher, new NoticeDraft(AudienceKind.CLASS, classId, title,
        title + "，详见通知。", confirmBy != null, confirmBy, urgent)).noticeId();
  }

  private void tickAt(LocalDateTime time) {
    clock.set(time);
    bot.getBean(NoticeReminders.class).tick();
  }

  /** A reminder queued: to whom, of which kind, saying what. */
  record Reminder(long guardianId, String kind, String body) {
  }

  private List<Reminder> reminders(long notice) {
    return jdbc.query("SELECT guardian_id, kind, body FROM outbox_message WHERE dedup_key LIKE ?",
        (rs, i) -> new Reminder(rs.getLong(1), rs.getString(2), rs.getString(3)), "notice-reminder:" + notice + ":%");
  }

  private int alerts() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM staff_notice WHERE staff_id = ? AND kind = ?", Integer.class,
        teacher.id(), NoticeReminders.STAFF_KIND);
  }

  private static List<LoggedRequest> templatesTo(String openid) {
    return wechat.findAll(postRequestedFor(urlPathEqualTo(TEMPLATE_SEND))).stream()
        .filter(r -> r.getBodyAsString().contains(openid)).toList();
  }
}
