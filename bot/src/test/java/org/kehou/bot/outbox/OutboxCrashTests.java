package org.kehou.bot.outbox;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kehou.bot.BotApplication;
import org.kehou.core.outbox.Outbox;
import org.kehou.core.outbox.OutboxClaims;
import org.kehou.core.outbox.Recipient;
import org.kehou.core.testing.SchoolFixture;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * kill -9 of a bot instance in the middle of a drain: a second JVM started from this test drains the outbox and is
 * destroyed forcibly (SIGKILL: no shutdown hook, no release of its claims). Its claimed rows stay untouched until its
 * lease runs out, then this JVM's dispatcher takes them over, and every message reaches WeChat exactly once.
 */
class OutboxCrashTests {

  static final String SEND = "/cgi-bin/message/custom/send";
  static final int MESSAGES = 12;

  static WireMockServer wechat;
  static ConfigurableApplicationContext survivor;
  static Process child;

  @BeforeAll
  static void start() {
    wechat = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    wechat.start();
    wechat.stubFor(post(urlPathEqualTo("/cgi-bin/stable_token"))
        .willReturn(okJson("{\"access_token\":\"crash-token\",\"expires_in\":7200}")));
    wechat.stubFor(post(urlPathEqualTo(SEND)).willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));
    survivor = new SpringApplicationBuilder(BotApplication.class).run(botArguments("kehou-outbox-survivor")
        .toArray(String[]::new));
  }

  static List<String> botArguments(String schedulerName) {
    return List.of(
        "--server.port=0",
        "--spring.quartz.scheduler-name=" + schedulerName,
        "--spring.quartz.auto-startup=false",
        "--kehou.wechat.api-base=" + wechat.baseUrl(),
        "--kehou.wechat.app-id=wx-crash-test",
        "--kehou.wechat.secret=crash-secret",
        "--kehou.wechat.token=crash-token-check");
  }

  @AfterAll
  static void stop() {
    if (child != null) {
      child.destroyForcibly();
    }
    survivor.close();
    wechat.stop();
  }

  /**
   * The bot in a JVM of its own on this test's classpath and environment (same database and Redis), sending one
   * message at a time, two a second, with a three-second lease.
   */
  static Process childBot() throws Exception {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
        "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
        BotApplication.class.getName()));
    command.addAll(botArguments("kehou-outbox-doomed"));
    command.addAll(List.of(
        "--kehou.outbox.dispatcher-enabled=true",
        "--kehou.outbox.poll-interval=100ms",
        "--kehou.outbox.concurrency=1",
        "--kehou.outbox.max-per-second=2",
        "--kehou.outbox.lease=3s"));
    File log = new File("target/outbox-crash-child.log");
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
  }

  @Test
  void anInstanceKilledMidDrainLosesNothingAndNothingIsSentTwice() throws Exception {
    JdbcTemplate jdbc = survivor.getBean(JdbcTemplate.class);
    SchoolFixture school = new SchoolFixture(jdbc);
    long student = school.student(school.schoolClass(1, "一年级1班", null), "徐一诺", "NONE");
    long guardian = school.guardian("张丽娟", student, "母亲");
    school.bindWeChat(guardian);
    String prefix = "crash-" + System.nanoTime() + "-";
    List<String> markers = IntStream.range(0, MESSAGES).mapToObj(n -> prefix + n + "-end").toList();
    survivor.getBean(TransactionTemplate.class).executeWithoutResult(tx -> markers.forEach(marker ->
        survivor.getBean(Outbox.class).enqueue(new Recipient(school.schoolId, guardian, student), "test",
            "crash-test:" + marker, marker, Map.of())));
    // Due before anything another test left behind, so the child works on these first.
    jdbc.update("UPDATE outbox_message SET next_attempt_at = '2001-01-01' WHERE school_id = ?", school.schoolId);

    child = childBot();
    // Kill it right after a send has been answered and recorded, a good while before the next may start (two a
    // second): the kill interrupts the drain, not a call in flight, whose fate no dispatcher could know.
    await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofMillis(20)).until(() -> {
      assertThat(child.isAlive()).as("child bot running (see target/outbox-crash-child.log)").isTrue();
      List<ServeEvent> sends = sends();
      if (sends.size() < 3) {
        return false;
      }
      ServeEvent last = sends.get(sends.size() - 1);
      String marker = marker(last);
      long age = System.currentTimeMillis() - last.getRequest().getLoggedDate().getTime();
      return marker != null && age < 200 && "SENT".equals(jdbc.queryForObject(
          "SELECT state FROM outbox_message WHERE school_id = ? AND body = ?", String.class, school.schoolId, marker));
    });
    child.destroyForcibly();
    assertThat(child.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

    int sentByChild = sends().size();
    List<String> stranded = jdbc.queryForList("SELECT body FROM outbox_message WHERE school_id = ? "
        + "AND state = 'SENDING' AND claimed_until > NOW(3)", String.class, school.schoolId);
    assertThat(stranded).as("rows the killed instance had claimed").isNotEmpty();
    assertThat(sentByChild).isLessThan(MESSAGES);

    OutboxDispatcher dispatcher = new OutboxDispatcher(survivor.getBean(OutboxClaims.class),
        survivor.getBean(WeChatSender.class), survivor.getBean(OutboxProperties.class));
    dispatcher.drain();
    assertThat(sends()).extracting(OutboxCrashTests::marker).as("a claim is respected until its lease ends")
        .doesNotContainAnyElementsOf(stranded);

    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
      dispatcher.drain();
      return jdbc.queryForObject("SELECT COUNT(*) FROM outbox_message WHERE school_id = ? AND state = 'SENT'",
          Integer.class, school.schoolId) == MESSAGES;
    });
    dispatcher.destroy();
    Map<String, Long> delivered = sends().stream()
        .collect(Collectors.groupingBy(OutboxCrashTests::marker, Collectors.counting()));
    assertThat(delivered.keySet()).containsExactlyInAnyOrderElementsOf(markers);
    assertThat(delivered.values()).as("sends per message").allMatch(count -> count == 1);
  }

  /** This test's sends in the order WeChat received them. */
  static List<ServeEvent> sends() {
    return wechat.getAllServeEvents().stream()
        .filter(e -> e.getRequest().getUrl().startsWith(SEND))
        .filter(e -> marker(e) != null)
        .sorted(Comparator.comparing((Function<ServeEvent, java.util.Date>) e -> e.getRequest().getLoggedDate()))
        .toList();
  }

  static String marker(ServeEvent event) {
    String body = event.getRequest().getBodyAsString();
    int start = body.indexOf("crash-");
    return start < 0 ? null : body.substring(start, body.indexOf("-end", start) + 4);
  }
}
