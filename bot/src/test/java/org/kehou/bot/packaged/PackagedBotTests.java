package org.kehou.bot.packaged;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kehou.core.testing.SchoolFixture;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The bot jar exactly as operators run it, configured by environment variables only: a kind's template id and field
 * mapping given as {@code KEHOU_OUTBOX_TEMPLATES_AGREEMENTREADY_*} take effect, and a template message reaches the
 * fake WeChat API. Runs in the package phase, after the jar is built (see the bot's pom).
 */
class PackagedBotTests {

  static final String DB_URL = System.getenv().getOrDefault("KEHOU_DB_URL",
      "jdbc:mysql://127.0.0.1:3306/kehou_test?createDatabaseIfNotExist=true&useUnicode=true&characterEncoding=utf8");
  static final String DB_USER = System.getenv().getOrDefault("KEHOU_DB_USER", "root");
  static final String DB_PASSWORD = System.getenv().getOrDefault("KEHOU_DB_PASSWORD", "");
  static final String TEMPLATE = "/cgi-bin/message/template/send";
  static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  static WireMockServer wechat;
  static Process bot;
  static Path log;
  static int port;

  @BeforeAll
  static void startTheJar() throws IOException {
    wechat = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    wechat.start();
    wechat.stubFor(post(urlPathEqualTo("/cgi-bin/stable_token"))
        .willReturn(okJson("{\"access_token\":\"packaged-token\",\"expires_in\":7200}")));
    wechat.stubFor(post(urlPathEqualTo("/cgi-bin/message/custom/send"))
        .willReturn(okJson("{\"errcode\":45015,\"errmsg\":\"response out of time limit\"}")));
    wechat.stubFor(post(urlPathEqualTo(TEMPLATE)).willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\",\"msgid\":42}")));
    port = freePort();
    Map<String, String> env = new HashMap<>();
    env.put("KEHOU_DB_URL", DB_URL);
    env.put("KEHOU_DB_USER", DB_USER);
    env.put("KEHOU_DB_PASSWORD", DB_PASSWORD);
    env.put("KEHOU_REDIS_URL", System.getenv().getOrDefault("KEHOU_REDIS_URL", "redis://127.0.0.1:6379/0"));
    env.put("KEHOU_BOT_PORT", Integer.toString(port));
    env.put("KEHOU_WECHAT_APP_ID", "wxpackagedtest");
    env.put("KEHOU_WECHAT_SECRET", "packaged-secret");
    env.put("KEHOU_WECHAT_TOKEN", "packagedtoken");
    env.put("KEHOU_WECHAT_API_BASE", wechat.baseUrl());
    env.put("KEHOU_OUTBOX_POLLINTERVAL", "200ms");
    env.put("KEHOU_OUTBOX_TEMPLATES_AGREEMENTREADY_ID", "env-agreement-template");
    env.put("KEHOU_OUTBOX_TEMPLATES_AGREEMENTREADY_FIELDS", "thing1=child,thing2=title,time3=deadline");
    bot = start(env);
    awaitHealthy();
  }

  @AfterAll
  static void stop() throws InterruptedException {
    if (bot != null) {
      bot.destroy();
      if (!bot.waitFor(30, TimeUnit.SECONDS)) {
        bot.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
    wechat.stop();
  }

  @Test
  void templateIdsAndFieldsGivenAsEnvironmentVariablesSendTheTemplate() throws IOException {
    JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(DB_URL, DB_USER, DB_PASSWORD));
    SchoolFixture school = new SchoolFixture(jdbc);
    long student = school.student(school.schoolClass(4, "四年级1班", null), "司马嘉懿", "NONE");
    long guardian = school.guardian("司马文", student, "母亲");
    String openid = school.bindWeChat(guardian);
    LocalDateTime now = LocalDateTime.now();
    jdbc.update("INSERT INTO outbox_message (school_id, guardian_id, student_id, openid, kind, dedup_key, body, "
        + "template_fields, state, next_attempt_at, created_at) VALUES (?, ?, ?, ?, 'agreement-ready', ?, ?, ?, "
        + "'PENDING', ?, ?)", school.schoolId, guardian, student, openid, "packaged:" + openid, "司马嘉懿的委托协议待签署",
        "{\"child\":\"司马嘉懿\",\"title\":\"委托协议待签署\",\"deadline\":\"2026-12-05 18:00\"}", now.minusSeconds(1),
        now);

    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(jdbc.queryForObject(
        "SELECT state FROM outbox_message WHERE openid = ?", String.class, openid)).isEqualTo("SENT"));

    List<LoggedRequest> sent = wechat.findAll(postRequestedFor(urlPathEqualTo(TEMPLATE))
        .withRequestBody(containing(openid)));
    assertThat(sent).singleElement().satisfies(r -> assertThat(r.getBodyAsString())
        .contains("\"template_id\":\"env-agreement-template\"", "\"thing1\":{\"value\":\"司马嘉懿\"",
            "\"time3\":{\"value\":\"2026-12-05 18:00\""));
    assertThat(jdbc.queryForMap("SELECT channel, wechat_msg_id FROM outbox_message WHERE openid = ?", openid))
        .containsEntry("channel", "TEMPLATE").containsEntry("wechat_msg_id", "42");
    String output = Files.readString(log, StandardCharsets.UTF_8);
    assertThat(output.lines().filter(line -> line.contains("Message kinds with no WeChat template")))
        .singleElement().satisfies(line -> assertThat(line).contains("agreement-lapsed", "waitlist-offer")
            .doesNotContain("agreement-ready"));
    assertThat(output).doesNotContain("packaged-token").doesNotContain(openid);
  }

  static Process start(Map<String, String> env) throws IOException {
    File[] jars = Path.of("target").toFile().listFiles((dir, name) -> name.startsWith("kehou-bot-")
        && name.endsWith(".jar") && !name.endsWith("-tests.jar") && !name.endsWith("-sources.jar"));
    assertThat(jars).as("bot/target/kehou-bot-*.jar (this test runs after package)").isNotEmpty();
    File jar = Arrays.stream(jars).max(Comparator.comparingLong(File::lastModified)).orElseThrow();
    log = Path.of("target", "packaged-bot.log");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-jar", jar.toString())
        .redirectErrorStream(true).redirectOutput(log.toFile());
    // Only the variables above configure it: nothing the build was given, no command-line property.
    builder.environment().keySet().removeIf(k -> k.startsWith("KEHOU_") || k.startsWith("SPRING_"));
    builder.environment().putAll(env);
    return builder.start();
  }

  static void awaitHealthy() {
    await("packaged bot healthy (log: " + log + ")").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
        .until(() -> {
          if (!bot.isAlive()) {
            throw new AssertionError("the bot stopped while starting:\n" + Files.readString(log));
          }
          try {
            HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/actuator/health")).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
            return health.statusCode() == 200 && health.body().contains("\"UP\"");
          } catch (IOException notYetListening) {
            return false;
          }
        });
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
