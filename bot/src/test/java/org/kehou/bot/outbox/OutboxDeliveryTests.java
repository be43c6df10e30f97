package org.kehou.bot.outbox;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kehou.bot.BotApplication;
import org.kehou.core.outbox.Outbox;
import org.kehou.core.outbox.Recipient;
import org.kehou.core.testing.SchoolFixture;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two bot instances (two Spring contexts, one database), each sending several messages at once, drain one outbox while
 * the fake WeChat API fails a good part of the time: every message must arrive exactly once, and a permanent refusal
 * must stop for good.
 */
// Right after the simulator's test, before cached Spring contexts with dispatchers of their own (see
// junit-platform.properties) exist to claim this test's outbox rows.
class OutboxDeliveryTests {

  static final int MESSAGES = 120;
  static final String SEND = "/cgi-bin/message/custom/send";

  static WireMockServer wechat;
  static ConfigurableApplicationContext first;
  static ConfigurableApplicationContext second;

  @BeforeAll
  static void twoBotInstances() {
    wechat = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    wechat.start();
    wechat.stubFor(post(urlPathEqualTo("/cgi-bin/stable_token"))
        .willReturn(okJson("{\"access_token\":\"outbox-token\",\"expires_in\":7200}")));
    first = instance("kehou-outbox-a");
    second = instance("kehou-outbox-b");
  }

  static ConfigurableApplicationContext instance(String schedulerName) {
    return new SpringApplicationBuilder(BotApplication.class).run(
        "--server.port=0",
        // Each instance its own Quartz scheduler: closing one must not close the other's connection registry.
        "--spring.quartz.scheduler-name=" + schedulerName,
        "--spring.quartz.auto-startup=false",
        "--kehou.wechat.api-base=" + wechat.baseUrl(),
        "--kehou.wechat.app-id=wx-outbox-test",
        "--kehou.wechat.secret=outbox-secret",
        "--kehou.wechat.token=outbox-token-check",
        "--kehou.outbox.dispatcher-enabled=true",
        "--kehou.outbox.poll-interval=100ms",
        "--kehou.outbox.retry-base=200ms",
        "--kehou.outbox.batch-size=5",
        "--kehou.outbox.concurrency=6");
  }

  @AfterAll
  static void stop() {
    second.close();
    first.close();
    wechat.stop();
  }

  @Test
  void twoInstancesDeliverEveryMessageExactlyOnceThroughAFlakyWeChat() {
    JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
    SchoolFixture school = new SchoolFixture(jdbc);
    long classId = school.schoolClass(1, "一年级1班", null);
    for (int n = 0; n < MESSAGES; n++) {
      flakyOnce(n);
    }
    long student = school.student(classId, "徐一诺", "NONE");
    long guardian = school.guardian("张丽娟", student, "母亲");
    school.bindWeChat(guardian);
    Outbox outbox = first.getBean(Outbox.class);
    first.getBean(TransactionTemplate.class).executeWithoutResult(tx -> {
      for (int n = 0; n < MESSAGES; n++) {
        outbox.enqueue(new Recipient(school.schoolId, guardian, student), "test", "delivery-test:" + n,
            "msg-" + n + "-end", Map.of());
      }
    });

    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(jdbc.queryForObject(
        "SELECT COUNT(*) FROM outbox_message WHERE school_id = ? AND state = 'SENT'", Integer.class,
        school.schoolId)).isEqualTo(MESSAGES));

    Map<String, Long> delivered = wechat.getAllServeEvents().stream()
        .filter(e -> e.getRequest().getUrl().startsWith(SEND))
        .filter(OutboxDeliveryTests::accepted)
        .collect(Collectors.groupingBy(e -> marker(e.getRequest().getBodyAsString()), Collectors.counting()));
    assertThat(delivered).hasSize(MESSAGES);
    assertThat(delivered.values()).allMatch(count -> count == 1);
    List<Integer> attempts = jdbc.queryForList("SELECT attempts FROM outbox_message WHERE school_id = ?",
        Integer.class, school.schoolId);
    assertThat(attempts).as("failures were retried, not skipped").anyMatch(a -> a > 1);
  }

  @Test
  void aParentWhoUnfollowedIsNotRetriedAndTheBindingTurnsInactive() {
    JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
    SchoolFixture school = new SchoolFixture(jdbc);
    long student = school.student(school.schoolClass(2, "二年级1班", null), "朱欣怡", "NONE");
    long guardian = school.guardian("高春梅", student, "母亲");
    String openid = school.bindWeChat(guardian);
    wechat.stubFor(post(urlPathEqualTo(SEND)).withRequestBody(containing(openid)).atPriority(1)
        .willReturn(okJson("{\"errcode\":43004,\"errmsg\":\"require subscribe\"}")));
    first.getBean(TransactionTemplate.class).executeWithoutResult(tx -> first.getBean(Outbox.class)
        .enqueue(new Recipient(school.schoolId, guardian, student), "test", "unfollowed:" + openid, "hello", null));

    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc.queryForObject(
        "SELECT state FROM outbox_message WHERE openid = ?", String.class, openid)).isEqualTo("FAILED"));
    assertThat(jdbc.queryForObject("SELECT attempts FROM outbox_message WHERE openid = ?", Integer.class, openid))
        .isEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT active FROM wechat_binding WHERE openid = ?", Boolean.class, openid))
        .isFalse();
  }

  /** Message n fails once in one of three ways (HTTP 500, "system busy", a reset connection) or not at all. */
  static void flakyOnce(int n) {
    String scenario = "message-" + n;
    var match = post(urlPathEqualTo(SEND)).withRequestBody(containing("msg-" + n + "-end")).inScenario(scenario);
    var failure = switch (n % 4) {
      case 0 -> aResponse().withStatus(500);
      case 1 -> okJson("{\"errcode\":-1,\"errmsg\":\"system busy\"}");
      case 2 -> aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER);
      default -> null;
    };
    if (failure == null) {
      wechat.stubFor(match.whenScenarioStateIs(STARTED).willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));
      return;
    }
    wechat.stubFor(match.whenScenarioStateIs(STARTED).willReturn(failure).willSetStateTo("failed-once"));
    var again = post(urlPathEqualTo(SEND)).withRequestBody(containing("msg-" + n + "-end")).inScenario(scenario);
    wechat.stubFor(again.whenScenarioStateIs("failed-once").willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));
  }

  static boolean accepted(ServeEvent event) {
    return event.getResponse().getStatus() == 200 && event.getResponse().getBodyAsString().contains("\"errcode\":0");
  }

  static String marker(String body) {
    int start = body.indexOf("msg-");
    return body.substring(start, body.indexOf("-end", start));
  }
}
