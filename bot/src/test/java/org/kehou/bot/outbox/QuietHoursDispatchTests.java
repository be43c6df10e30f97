package org.kehou.bot.outbox;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kehou.bot.BotApplication;
import org.kehou.core.outbox.Outbox;
import org.kehou.core.outbox.Recipient;
import org.kehou.core.testing.SchoolFixture;
import org.kehou.core.testing.SettableClock;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 11: an absence alert reaches the guardian at once, within the quiet hours too, while a cancellation notice
 * queued at the same moment waits for them to end (07:00). Through the bot's own dispatcher and sender, WeChat faked
 * by WireMock; the test drives the dispatcher and the clock.
 */
class QuietHoursDispatchTests {

  static final String SEND = "/cgi-bin/message/custom/send";
  static final LocalDate NIGHT = LocalDate.now(SettableClock.BEIJING).plusDays(10);

  static WireMockServer wechat;
  static ConfigurableApplicationContext bot;

  @BeforeAll
  static void bot() {
    wechat = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    wechat.start();
    wechat.stubFor(post(urlPathEqualTo("/cgi-bin/stable_token"))
        .willReturn(okJson("{\"access_token\":\"quiet-token\",\"expires_in\":7200}")));
    wechat.stubFor(post(urlPathEqualTo(SEND)).willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));
    bot = new SpringApplicationBuilder(BotApplication.class, SettableClock.Config.class).run(
        "--server.port=0",
        "--spring.quartz.scheduler-name=kehou-quiet-hours",
        "--spring.quartz.auto-startup=false",
        "--kehou.wechat.api-base=" + wechat.baseUrl(),
        "--kehou.wechat.app-id=wx-quiet-test",
        "--kehou.wechat.secret=quiet-secret",
        "--kehou.wechat.token=quiet-token-check",
        "--kehou.outbox.dispatcher-enabled=false");
  }

  @AfterAll
  static void stop() {
    bot.close();
    wechat.stop();
  }

  @Test
  void anAbsenceAlertGoesOutAtNightWhileACancellationDueThenWaitsForSevenOClock() {
    SettableClock clock = bot.getBean(SettableClock.class);
    clock.set(NIGHT.atTime(22, 40));
    JdbcTemplate jdbc = bot.getBean(JdbcTemplate.class);
    SchoolFixture school = new SchoolFixture(jdbc);
    long student = school.student(school.schoolClass(2, "二年级3班", null), "陈思远", "NONE");
    long guardian = school.guardian("陈妈妈", student, "母亲");
    String openid = school.bindWeChat(guardian);
    String alert = "alert-" + System.nanoTime();
    String cancelled = "cancelled-" + System.nanoTime();
    bot.getBean(TransactionTemplate.class).executeWithoutResult(tx -> {
      Outbox outbox = bot.getBean(Outbox.class);
      Recipient to = new Recipient(school.schoolId, guardian, student);
      outbox.enqueue(to, "absence-alert", "quiet-test:" + alert, alert, Map.of("child", "陈思远", "offering", "晚托",
          "date", NIGHT.toString(), "startsAt", "17:30"));
      outbox.enqueue(to, "service-cancelled", "quiet-test:" + cancelled, cancelled, Map.of("child", "陈思远",
          "date", NIGHT.plusDays(1).toString(), "reason", "暴雨红色预警"));
    });
    OutboxDispatcher dispatcher = bot.getBean(OutboxDispatcher.class);

    dispatcher.drain();
    assertThat(received(alert)).as("urgent: sent within the quiet hours").isEqualTo(1);
    assertThat(state(openid, "absence-alert")).isEqualTo("SENT");
    assertThat(received(cancelled)).as("held through the night").isZero();
    assertThat(state(openid, "service-cancelled")).isEqualTo("PENDING");
    assertThat(jdbc.queryForObject("SELECT next_attempt_at FROM outbox_message WHERE openid = ? AND kind = ?",
        LocalDateTime.class, openid, "service-cancelled")).isEqualTo(NIGHT.plusDays(1).atTime(7, 0));

    clock.set(NIGHT.plusDays(1).atTime(6, 59));
    dispatcher.drain();
    assertThat(received(cancelled)).as("still quiet at 06:59").isZero();

    clock.set(NIGHT.plusDays(1).atTime(7, 0));
    dispatcher.drain();
    assertThat(received(cancelled)).as("sent when the quiet hours end").isEqualTo(1);
    assertThat(state(openid, "service-cancelled")).isEqualTo("SENT");
    assertThat(received(alert)).as("the alert only once").isEqualTo(1);
  }

  static long received(String marker) {
    return wechat.getAllServeEvents().stream()
        .filter(e -> e.getRequest().getUrl().startsWith(SEND))
        .filter(e -> e.getRequest().getBodyAsString().contains(marker))
        .count();
  }

  static String state(String openid, String kind) {
    return bot.getBean(JdbcTemplate.class).queryForObject(
        "SELECT state FROM outbox_message WHERE openid = ? AND kind = ?", String.class, openid, kind);
  }
}
