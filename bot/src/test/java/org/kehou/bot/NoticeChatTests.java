package org.kehou.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kehou.core.notice.AudienceKind;
import org.kehou.core.notice.NoticeDraft;
import org.kehou.core.notice.NoticeLinks;
import org.kehou.core.notice.NoticeReport;
import org.kehou.core.notice.Notices;
import org.kehou.core.staff.Staff;
import org.kehou.core.staff.StaffRole;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.ResponseEntity;

/**
 * A school's notices in the chat and on their page: 收到 and 收到 N confirm, 通知 lists, the signed link opens the
 * notice without a login. 王妈妈 has two children in the school; 王小明's father is bound too.
 */
class NoticeChatTests extends WebhookTestSupport {

  @Autowired Notices notices;
  @Autowired NoticeReport report;
  @Autowired NoticeLinks links;

  Fixture school;
  Staff admin;
  WechatSimulator wechat;
  String mother;
  String father;
  long motherId;
  long fatherId;

  @BeforeEach
  void aMotherOfTwoAndAFatherBound() {
    school = Fixture.school(jdbc);
    long classId = school.schoolClass(2, "二年级1班");
    long xiaoming = school.student(classId, "王小明");
    long xiaohong = school.student(school.schoolClass(4, "四年级2班"), "王小红");
    motherId = school.guardian("王妈妈", xiaoming, xiaohong);
    fatherId = school.guardian("王爸爸", xiaoming);
    String username = "a" + System.nanoTime();
    jdbc.update("INSERT INTO staff (school_id, username, display_name, password_hash, role) "
        + "VALUES (?, ?, '张校长', 'x', 'SCHOOL_ADMIN')", school.schoolId, username);
    admin = new Staff(jdbc.queryForObject("SELECT id FROM staff WHERE username = ?", Long.class, username),
        school.schoolId, username, "张校长", StaffRole.SCHOOL_ADMIN, true);
    wechat = safe();
    mother = WechatSimulator.openid();
    father = WechatSimulator.openid();
    assertThat(wechat.say(mother, "绑定 " + school.code(motherId))).contains("绑定成功");
    assertThat(wechat.say(father, "绑定 " + school.code(fatherId))).contains("绑定成功");
  }

  @AfterEach
  void nothingLeftForTheDispatcherTests() {
    jdbc.update("UPDATE outbox_message SET state = 'CANCELLED' WHERE school_id = ? AND state = 'PENDING'",
        school.schoolId);
  }

  @Test
  void parentTypesReceivedAndTheNewestNoticeIsConfirmed() {
    send("运动会通知", "周五运动会，请穿运动鞋。");
    send("家长会", "周三晚上七点开家长会。");

    assertThat(wechat.say(mother, "收到")).contains("已确认收到通知2", "家长会", "王小明", "王小红");
    assertThat(wechat.say(mother, "收到 2")).contains("通知2", "已于", "确认过");
    assertThat(wechat.say(mother, "收到1")).contains("已确认收到通知1", "运动会通知");
    assertThat(wechat.say(mother, "收到")).contains("没有待确认的通知");
    assertThat(wechat.say(mother, "收到 9")).contains("没有编号为9的通知");
    assertThat(wechat.say(mother, "通知")).contains("1. ", "2. ", "运动会通知", "家长会", "已确认")
        .doesNotContain("未确认");
    assertThat(wechat.say(father, "通知")).contains("未确认", "王小明").doesNotContain("王小红");
    assertThat(jdbc.queryForList("SELECT confirmed_via FROM parent_notice_guardian WHERE guardian_id = ?",
        String.class, motherId)).containsOnly("CHAT");
  }

  @Test
  void aMotherOfTwoGetsOneMessageNamingBothAndEitherParentConfirmsForTheChild() {
    long id = send("提前放学", "今天16:30放学。");

    List<String> bodies = jdbc.queryForList("SELECT body FROM outbox_message WHERE guardian_id = ? AND kind = 'notice'",
        String.class, motherId);
    assertThat(bodies).singleElement().satisfies(b -> assertThat(b).contains("王小明", "王小红", "收到 1",
        "/notice/" + links.token(id, motherId)));
    wechat.say(father, "收到");

    assertThat(report.status(admin, id).perChild()).extracting(c -> c.studentName() + ":" + c.state())
        // Nothing is sent in this context (its dispatcher is off): 王小红's message waits and nobody confirmed for her.
        .containsExactlyInAnyOrder("王小明:CONFIRMED", "王小红:PENDING");
  }

  @Test
  void theSignedLinkOpensTheNoticeAndItsButtonConfirms() {
    long id = send("<b>停课</b>", "明天停课 <script>alert(1)</script>");
    String page = "/notice/" + links.token(id, fatherId);

    ResponseEntity<String> opened = http.getForEntity(page, String.class);

    assertThat(opened.getStatusCode().value()).isEqualTo(200);
    assertThat(opened.getBody()).contains("张校长", "王小明", "&lt;b&gt;停课&lt;/b&gt;", "&lt;script&gt;", "确认收到")
        .doesNotContain("<script>alert");
    // The answer is a redirect (303) back to the page, which the test client follows.
    ResponseEntity<String> confirmed = http.postForEntity(page + "/confirm", HttpEntity.EMPTY, String.class);
    assertThat(confirmed.getStatusCode().value()).isEqualTo(200);
    assertThat(confirmed.getBody()).contains("已于", "确认收到，谢谢").doesNotContain("<button");
    assertThat(jdbc.queryForObject("SELECT confirmed_via FROM parent_notice_guardian WHERE notice_id = ? "
        + "AND guardian_id = ?", String.class, id, fatherId)).isEqualTo("LINK");
    assertThat(jdbc.queryForObject("SELECT confirmed_at FROM parent_notice_guardian WHERE notice_id = ? "
        + "AND guardian_id = ?", Object.class, id, motherId)).as("the mother's own link was not used").isNull();

    String forged = "/notice/" + id + "." + motherId + "." + "A".repeat(22);
    ResponseEntity<String> refused = http.getForEntity(forged, String.class);
    assertThat(refused.getStatusCode().value()).isEqualTo(404);
    assertThat(refused.getBody()).contains("这个链接打不开").doesNotContain("Exception");
    assertThat(http.postForEntity(forged + "/confirm", HttpEntity.EMPTY, String.class).getStatusCode().value())
        .isEqualTo(404);
  }

  private long send(String title, String body) {
    return notices.send(admin, new NoticeDraft(AudienceKind.SCHOOL, null, title, body, false, null, false))
        .noticeId();
  }
}
