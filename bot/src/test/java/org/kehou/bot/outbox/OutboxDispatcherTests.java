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
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import me.chanjar.weixin.mp.api.WxMpService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kehou.bot.BotApplication;
import org.kehou.core.outbox.Outbox;
import org.kehou.core.outbox.OutboxClaims;
import org.kehou.core.outbox.OutboxMessage;
import org.kehou.core.outbox.Recipient;
import org.kehou.core.testing.SchoolFixture;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A claim must still be held when its row is sent, one row's failure stays with that row, and sends keep to the
 * configured limits. The dispatchers here are driven by the test (the context's own is off); two dispatchers on one
 * database are two instances as far as claims go.
 */
class OutboxDispatcherTests {

  static final String SEND = "/cgi-bin/message/custom/send";

  static WireMockServer wechat;
  static ConfigurableApplicationContext bot;

  @BeforeAll
  static void bot() {
    wechat = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    wechat.start();
    wechat.stubFor(post(urlPathEqualTo("/cgi-bin/stable_token"))
        .willReturn(okJson("{\"access_token\":\"claim-token\",\"expires_in\":7200}")));
    wechat.stubFor(post(urlPathEqualTo(SEND)).willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));
    bot = new SpringApplicationBuilder(BotApplication.class).run(
        "--server.port=0",
        "--spring.quartz.scheduler-name=kehou-outbox-claims",
        "--spring.quartz.auto-startup=false",
        "--kehou.wechat.api-base=" + wechat.baseUrl(),
        "--kehou.wechat.app-id=wx-claim-test",
        "--kehou.wechat.secret=claim-secret",
        "--kehou.wechat.token=claim-token-check",
        "--kehou.outbox.dispatcher-enabled=false",
        "--kehou.outbox.lease=2s",
        "--kehou.outbox.batch-size=10",
        "--kehou.outbox.concurrency=1",
        "--kehou.outbox.retry-base=1h");
  }

  @AfterAll
  static void stop() {
    bot.close();
    wechat.stop();
  }

  static OutboxDispatcher anotherInstance() {
    return new OutboxDispatcher(bot.getBean(OutboxClaims.class), bot.getBean(WeChatSender.class),
        bot.getBean(OutboxProperties.class));
  }

  /** Queues one message per marker to a new guardian; returns the school. */
  static SchoolFixture queue(String... markers) {
    JdbcTemplate jdbc = bot.getBean(JdbcTemplate.class);
    SchoolFixture school = new SchoolFixture(jdbc);
    long student = school.student(school.schoolClass(1, "一年级1班", null), "徐一诺", "NONE");
    long guardian = school.guardian("张丽娟", student, "母亲");
    school.bindWeChat(guardian);
    bot.getBean(TransactionTemplate.class).executeWithoutResult(tx -> {
      for (String marker : markers) {
        bot.getBean(Outbox.class).enqueue(new Recipient(school.schoolId, guardian, student), "test",
            "claim-test:" + marker, marker, Map.of());
      }
    });
    return school;
  }

  static long received(String marker) {
    return wechat.getAllServeEvents().stream()
        .filter(e -> e.getRequest().getUrl().startsWith(SEND))
        .filter(e -> e.getRequest().getBodyAsString().contains(marker))
        .count();
  }

  static String state(SchoolFixture school, String marker) {
    return bot.getBean(JdbcTemplate.class).queryForObject(
        "SELECT state FROM outbox_message WHERE school_id = ? AND body = ?", String.class, school.schoolId, marker);
  }

  @Test
  void aSlowWeChatOutlastingTheLeaseDoesNotMakeAnotherInstanceSendTheSameMessageAgain() {
    String prefix = "slow-" + System.nanoTime() + "-";
    String[] markers = IntStream.range(0, 10).mapToObj(n -> prefix + n + "-end").toArray(String[]::new);
    // 300 ms a call: ten calls in a row take well over the two-second lease.
    wechat.stubFor(post(urlPathEqualTo(SEND)).withRequestBody(containing(prefix)).atPriority(1)
        .willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}").withFixedDelay(300)));
    SchoolFixture school = queue(markers);

    OutboxDispatcher first = anotherInstance();
    OutboxDispatcher second = anotherInstance();
    CompletableFuture<Integer> firstDrain = CompletableFuture.supplyAsync(first::drain);
    // The second instance keeps polling while the first works through the rows, as a live instance would.
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
      second.drain();
      return firstDrain.isDone();
    });
    second.drain();

    for (String marker : markers) {
      assertThat(state(school, marker)).as(marker).isEqualTo("SENT");
      assertThat(received(marker)).as("sends of " + marker).isEqualTo(1);
    }
    first.destroy();
    second.destroy();
  }

  /** A dispatcher with its own limits, counting the calls it has in flight at once. */
  static OutboxDispatcher limited(int concurrency, int maxPerSecond, AtomicInteger maxInFlight) {
    return limited(concurrency, maxPerSecond, maxInFlight, new ConcurrentLinkedQueue<>(), 0);
  }

  /**
   * As above, noting when the dispatcher let each send of {@code schoolId}'s messages start (what its rate limit
   * governs), in nanoseconds. Rows other tests left due are sent too, at the same pace, but not noted.
   */
  static OutboxDispatcher limited(int concurrency, int maxPerSecond, AtomicInteger maxInFlight,
      Queue<Long> sendStarts, long schoolId) {
    OutboxProperties properties = new Binder(new MapConfigurationPropertySource(Map.of(
        "kehou.outbox.concurrency", String.valueOf(concurrency),
        "kehou.outbox.max-per-second", String.valueOf(maxPerSecond),
        "kehou.outbox.lease", "2m"))).bind("kehou.outbox", OutboxProperties.class).get();
    AtomicInteger inFlight = new AtomicInteger();
    WeChatSender counting = new WeChatSender(bot.getBean(WxMpService.class), properties,
        bot.getBean(CustomerServiceWindow.class)) {
      @Override
      Delivery send(OutboxMessage message, Set<String> openWindows) {
        if (message.schoolId() == schoolId) {
          sendStarts.add(System.nanoTime());
        }
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try {
          return super.send(message, openWindows);
        } finally {
          inFlight.decrementAndGet();
        }
      }
    };
    return new OutboxDispatcher(bot.getBean(OutboxClaims.class), counting, properties);
  }

  static List<Long> sendTimes(String prefix) {
    return wechat.getAllServeEvents().stream()
        .filter(e -> e.getRequest().getBodyAsString().contains(prefix))
        .map(e -> e.getRequest().getLoggedDate().getTime()).sorted().toList();
  }

  @Test
  void sendsGoOutSeveralAtOnceButNeverMoreThanTheConcurrencyAllows() {
    String prefix = "parallel-" + System.nanoTime() + "-";
    wechat.stubFor(post(urlPathEqualTo(SEND)).withRequestBody(containing(prefix)).atPriority(1)
        .willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}").withFixedDelay(400)));
    SchoolFixture school = queue(IntStream.range(0, 16).mapToObj(n -> prefix + n + "-end").toArray(String[]::new));
    AtomicInteger maxInFlight = new AtomicInteger();
    OutboxDispatcher dispatcher = limited(4, 0, maxInFlight);

    dispatcher.drain();

    assertThat(maxInFlight.get()).isBetween(2, 4);
    assertThat(bot.getBean(JdbcTemplate.class).queryForObject("SELECT COUNT(*) FROM outbox_message WHERE school_id = ? "
        + "AND state = 'SENT'", Integer.class, school.schoolId)).isEqualTo(16);
    // 16 calls of 400 ms, four at a time, take four rounds: well under the 6.4 s of one at a time.
    List<Long> times = sendTimes(prefix);
    assertThat(times.get(times.size() - 1) - times.get(0)).isLessThan(4000);
    dispatcher.destroy();
  }

  @Test
  void sendsStartNoFasterThanTheRateAllows() {
    String prefix = "paced-" + System.nanoTime() + "-";
    SchoolFixture school = queue(IntStream.range(0, 10).mapToObj(n -> prefix + n + "-end").toArray(String[]::new));
    Queue<Long> starts = new ConcurrentLinkedQueue<>();
    OutboxDispatcher dispatcher = limited(8, 5, new AtomicInteger(), starts, school.schoolId);

    dispatcher.drain();

    assertThat(bot.getBean(JdbcTemplate.class).queryForObject("SELECT COUNT(*) FROM outbox_message WHERE school_id = ? "
        + "AND state = 'SENT'", Integer.class, school.schoolId)).isEqualTo(10);
    assertThat(sendTimes(prefix)).hasSize(10);
    // Five a second, evenly spaced: the dispatcher starts ten sends over 9 × 200 ms (unlimited, eight in flight, they
    // would all start within a few milliseconds). Measured where it lets each send go, not where the fake API logs
    // it, and with room for a busy machine's thread scheduling: a send held up there shortens the span.
    List<Long> times = starts.stream().sorted().toList();
    assertThat(times).hasSize(10);
    assertThat(Duration.ofNanos(times.get(9) - times.get(0))).isGreaterThanOrEqualTo(Duration.ofMillis(1600));
    dispatcher.destroy();
  }

  @Test
  void aMessageThatFailsInsideKehouIsRetriedLaterAndTheRestOfItsBatchGoesOut() {
    String prefix = "batch-" + System.nanoTime() + "-";
    String[] markers = IntStream.range(0, 5).mapToObj(n -> prefix + n + "-end").toArray(String[]::new);
    // A proxy answering with an HTML page: WxJava cannot read it and throws, for this one message, once.
    wechat.stubFor(post(urlPathEqualTo(SEND)).withRequestBody(containing(markers[1])).atPriority(1)
        .inScenario(prefix).whenScenarioStateIs(STARTED).willSetStateTo("answered")
        .willReturn(aResponse().withStatus(200).withBody("<html>bad gateway</html>")));
    SchoolFixture school = queue(markers);

    OutboxDispatcher dispatcher = anotherInstance();
    dispatcher.drain();

    assertThat(state(school, markers[1])).isEqualTo("PENDING");
    assertThat(bot.getBean(JdbcTemplate.class).queryForMap(
        "SELECT attempts, last_error_code FROM outbox_message WHERE school_id = ? AND body = ?",
        school.schoolId, markers[1])).containsEntry("attempts", 1)
        .containsEntry("last_error_code", OutboxDispatcher.INTERNAL_ERROR);
    for (String marker : new String[] {markers[0], markers[2], markers[3], markers[4]}) {
      assertThat(state(school, marker)).as(marker).isEqualTo("SENT");
    }
    dispatcher.destroy();
  }
}
