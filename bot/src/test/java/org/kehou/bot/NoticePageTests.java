package org.kehou.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kehou.core.notice.NoticeLinks;
import org.kehou.core.notice.Notices;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Issue 13: each guardian's signed link opens the notice's page on the bot, without any login, and confirms it. */
class NoticePageTests extends WebhookTestSupport {

  @Autowired Notices notices;
  @Autowired NoticeLinks links;

  private WechatSimulator wechat;
  private NoticeFamilies families;
  private long guardian;
  private String openid;

  @BeforeEach
  void aBoundGuardian() {
    wechat = safe();
    families = new NoticeFamilies(jdbc, notices, wechat);
    long child = families.school.student(families.classId, "黄小米");
    guardian = families.school.guardian("黄妈妈", child);
    openid = families.bind(guardian);
  }

  @AfterEach
  void keepAwayFromDispatchers() {
    families.cancelPending();
  }

  @Test
  void theLinkOpensTheNoticeAndItsButtonConfirmsItForTheGuardian() {
    long notice = families.send("明天提前放学", "明天15:00放学，请按时接孩子。",
        tomorrowAt(12), true);
    String token = links.token(notice, guardian);
    assertThat(jdbc.queryForObject("SELECT body FROM outbox_message WHERE guardian_id = ?", String.class, guardian))
        .as("the message carries this very link").contains(links.url(notice, guardian));

    ResponseEntity<String> page = http.getForEntity("/notice/" + token, String.class);

    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(page.getHeaders().getContentType().toString()).startsWith("text/html").contains("UTF-8");
    assertThat(page.getHeaders().getCacheControl()).contains("no-store");
    assertThat(page.getBody()).contains("name=\"viewport\"", "紧急通知", "明天提前放学", "明天15:00放学，请按时接孩子。",
        "黄小米", "李老师", "请在", "<form method=\"post\" action=\"" + token + "/confirm\"", "确认收到");
    assertThat(confirmed(notice)).as("opening the page confirms nothing").isNull();

    ResponseEntity<String> posted = http.withRedirects(HttpRedirects.DONT_FOLLOW).exchange(
        "/notice/" + token + "/confirm", HttpMethod.POST, HttpEntity.EMPTY, String.class);

    assertThat(posted.getStatusCode()).isEqualTo(HttpStatus.SEE_OTHER);
    assertThat(URI.create("http://bot/notice/" + token + "/confirm").resolve(posted.getHeaders().getLocation()))
        .as("back to the page").isEqualTo(URI.create("http://bot/notice/" + token));
    assertThat(confirmed(notice)).isEqualTo("LINK");
    String after = http.getForObject("/notice/" + token, String.class);
    assertThat(after).contains("您已于", "确认收到，老师会看到").doesNotContain("<form", "请在");
    assertThat(wechat.say(openid, "收到")).as("nothing left to confirm in the chat").contains("目前没有待确认的通知");
    String again = http.exchange("/notice/" + token + "/confirm", HttpMethod.POST, HttpEntity.EMPTY, String.class)
        .getBody();
    assertThat(again).as("a second tap, redirect followed: the same confirmed page").isEqualTo(after);
  }

  @Test
  void aForgedOrMangledLinkGetsTheNotFoundPageInChineseAndConfirmsNothing() {
    long notice = families.send("家长开放日", "欢迎参加家长开放日。");
    String token = links.token(notice, guardian);
    long stranger = families.school.guardian("路人", families.school.student(families.classId, "路小人"));
    String mac = token.substring(token.lastIndexOf('.') + 1);
    // A middle character: the last one of the 22 also carries padding bits, so some of its changes decode alike.
    int at = token.length() - 10;
    String flipped = token.substring(0, at) + (token.charAt(at) == 'A' ? 'B' : 'A') + token.substring(at + 1);

    for (String bad : new String[] {notice + "." + stranger + "." + mac, flipped, token.substring(0, token.length() - 3),
        "1.2.AAAAAAAAAAAAAAAAAAAAAA", "abc", "<script>"}) {
      ResponseEntity<String> get = http.getForEntity("/notice/{t}", String.class, bad);
      assertThat(get.getStatusCode()).as(bad).isEqualTo(HttpStatus.NOT_FOUND);
      assertThat(get.getBody()).contains("找不到这条通知", "回复“通知”").doesNotContain("Exception", "家长开放日", "<script>");
      ResponseEntity<String> post = http.exchange("/notice/{t}/confirm", HttpMethod.POST, HttpEntity.EMPTY,
          String.class, bad);
      assertThat(post.getStatusCode()).as(bad).isEqualTo(HttpStatus.NOT_FOUND);
    }
    assertThat(confirmed(notice)).isNull();
  }

  @Test
  void whatTheTeacherWroteIsShownAsTextNeverAsMarkup() {
    long notice = families.send("<b>注意</b>", "<script>alert('x')</script>\n请带\"水壶\" & 帽子");

    String page = http.getForObject("/notice/" + links.token(notice, guardian), String.class);

    assertThat(page).contains("&lt;b&gt;注意&lt;/b&gt;", "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;",
        "请带&quot;水壶&quot; &amp; 帽子").doesNotContain("<script>", "<b>注意");
  }

  private String confirmed(long notice) {
    return jdbc.queryForObject("SELECT confirmed_via FROM parent_notice_guardian WHERE notice_id = ? "
        + "AND guardian_id = ?", String.class, notice, guardian);
  }

  /** A deadline a day ahead, whatever time the test runs. */
  private static LocalDateTime tomorrowAt(int hour) {
    return LocalDate.now(Fixture.BEIJING).plusDays(1).atTime(hour, 0);
  }
}
