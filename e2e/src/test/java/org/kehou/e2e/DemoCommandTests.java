package org.kehou.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The README's run command as a reader runs it: {@code ./demo} on the jars this build packaged, on free ports with a
 * database and Redis index of its own, until the URLs are printed; then Ctrl-C, after which nothing it started runs.
 */
class DemoCommandTests {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final String SERVER = "jdbc:mysql://127.0.0.1:3306/?useUnicode=true&characterEncoding=utf8";
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private Process demo;

  @AfterEach
  void stopWhateverIsLeft() {
    if (demo != null && demo.isAlive()) {
      demo.descendants().forEach(ProcessHandle::destroy);
      demo.destroyForcibly();
    }
  }

  @Test
  void theReadmesRunCommandSeedsTheDemoSchoolAndCtrlCStopsEverythingItStarted() throws Exception {
    int apiPort = Integer.parseInt(env("KEHOU_DEMO_TEST_API_PORT", "" + AppProcess.freePort()));
    int botPort = Integer.parseInt(env("KEHOU_DEMO_TEST_BOT_PORT", "" + AppProcess.freePort()));
    Path out = Path.of("target", "demo").toAbsolutePath();
    Files.createDirectories(out);
    // A terminal's Ctrl-C reaches ./demo with SIGINT's default disposition; a build started in the background
    // (nohup, CI runners) would hand it down ignored, which bash may not trap. perl (in every Debian) resets it.
    ProcessBuilder builder = new ProcessBuilder("perl", "-e", "$SIG{INT} = 'DEFAULT'; exec @ARGV or die $!",
        "bash", "./demo").directory(ROOT.toFile()).redirectErrorStream(true);
    builder.environment().keySet().removeIf(k -> k.startsWith("KEHOU_") || k.startsWith("SPRING_"));
    builder.environment().putAll(Map.of("KEHOU_DEMO_SKIP_BUILD", "1", "KEHOU_API_PORT", "" + apiPort,
        "KEHOU_BOT_PORT", "" + botPort, "KEHOU_DEMO_DB", env("KEHOU_DEMO_TEST_DB", "kehou_demo_e2e"),
        "KEHOU_DEMO_REDIS_DB", env("KEHOU_DEMO_TEST_REDIS_DB", "7"), "KEHOU_DEMO_DIR", out.toString()));
    demo = builder.start();
    StringBuffer output = new StringBuffer();
    Thread reader = copy(demo, output, out.resolve("demo-command.log"));

    String simulatorUrl = "http://127.0.0.1:" + botPort + "/demo/";
    await("./demo printing its URLs").atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500))
        .until(() -> output.indexOf("Press Ctrl-C to stop") >= 0 || !demo.isAlive());
    assertThat(demo.isAlive()).as("./demo is running; its output:\n%s", output).isTrue();
    assertThat(output).contains(simulatorUrl, "http://127.0.0.1:" + apiPort + "/swagger-ui/index.html",
        "admin / demo-admin", "teacher11");

    assertThat(get("http://127.0.0.1:" + apiPort + "/actuator/health", null).body()).contains("\"UP\"");
    assertThat(get("http://127.0.0.1:" + botPort + "/actuator/health", null).body()).contains("\"UP\"");
    assertThat(get(simulatorUrl, null).statusCode()).isEqualTo(200);
    // The simulator frames the admin API's staff console beside the phone.
    assertThat(get("http://127.0.0.1:" + botPort + "/demo/api/console", null).body())
        .contains("http://127.0.0.1:" + apiPort + "/console/");
    assertThat(get("http://127.0.0.1:" + apiPort + "/console/", null).statusCode()).isEqualTo(200);
    String api = "http://127.0.0.1:" + apiPort + "/api/v1";
    HttpResponse<String> login = HTTP.send(HttpRequest.newBuilder(URI.create(api + "/auth/login"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"admin\",\"password\":\"demo-admin\"}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    String token = JsonPath.read(login.body(), "$.token");
    List<String> classes = JsonPath.read(get(api + "/classes", token).body(), "$[*].name");
    assertThat(classes).contains("一年级1班", "二年级1班");
    assertThat(JsonPath.<List<Object>>read(get(api + "/offerings", token).body(), "$")).isNotEmpty();

    List<ProcessHandle> started = demo.descendants().toList();
    assertThat(started).as("the apps ./demo started").hasSizeGreaterThanOrEqualTo(2);
    new ProcessBuilder("kill", "-INT", Long.toString(demo.pid())).inheritIO().start().waitFor();

    assertThat(demo.waitFor(90, TimeUnit.SECONDS)).as("./demo ends after Ctrl-C; its output:\n%s", output).isTrue();
    await("everything ./demo started has stopped").atMost(Duration.ofSeconds(30))
        .until(() -> started.stream().noneMatch(ProcessHandle::isAlive));
    assertThat(listening(apiPort)).as("admin API port").isFalse();
    assertThat(listening(botPort)).as("bot port").isFalse();
    reader.join(5000);
    assertThat(output).contains("Stopping the demo");
  }

  @Test
  void aDatabaseTheDemoDidNotCreateIsNeverDropped() throws Exception {
    String foreign = env("KEHOU_DEMO_TEST_DB", "kehou_demo_e2e") + "_x";
    try (Connection db = DriverManager.getConnection(SERVER, "root", ""); Statement sql = db.createStatement()) {
      sql.execute("DROP DATABASE IF EXISTS " + foreign);
      sql.execute("CREATE DATABASE " + foreign);
      sql.execute("CREATE TABLE " + foreign + ".precious (id INT)");
    }

    try {
      Result refused = runDemoUntilItEnds(Map.of("KEHOU_DEMO_DB", foreign,
          "KEHOU_DEMO_REDIS_DB", env("KEHOU_DEMO_TEST_REDIS_DB", "7")));

      assertThat(refused.exitCode()).as(refused.output()).isNotZero();
      assertThat(refused.output()).contains("database " + foreign + " exists and was not created by ./demo");
      try (Connection db = DriverManager.getConnection(SERVER, "root", ""); Statement sql = db.createStatement()) {
        assertThat(sql.executeQuery("SELECT COUNT(*) FROM " + foreign + ".precious").next()).isTrue();
      }
    } finally {
      try (Connection db = DriverManager.getConnection(SERVER, "root", ""); Statement sql = db.createStatement()) {
        sql.execute("DROP DATABASE IF EXISTS " + foreign);
      }
    }
  }

  @Test
  void aRedisIndexHoldingSomebodyElsesKeysIsNeverCleared() throws Exception {
    String index = env("KEHOU_DEMO_TEST_REDIS_DB", "7");
    assertThat(redis(index, "EXISTS", "kehou-demo:owner").equals("1") || redis(index, "DBSIZE").equals("0"))
        .as("Redis index %s is the demo test's: empty or marked by ./demo", index).isTrue();
    redis(index, "FLUSHDB");
    redis(index, "SET", "somebody:precious", "1");

    try {
      Result refused = runDemoUntilItEnds(Map.of("KEHOU_DEMO_DB", env("KEHOU_DEMO_TEST_DB", "kehou_demo_e2e"),
          "KEHOU_DEMO_REDIS_DB", index));

      assertThat(refused.exitCode()).as(refused.output()).isNotZero();
      assertThat(refused.output()).contains("Redis index " + index + " holds keys ./demo did not write");
      assertThat(redis(index, "GET", "somebody:precious")).isEqualTo("1");
    } finally {
      // The other tests of this class need the index empty or the demo's own.
      redis(index, "DEL", "somebody:precious");
    }
  }

  private record Result(int exitCode, String output) {
  }

  private static Result runDemoUntilItEnds(Map<String, String> env) throws Exception {
    ProcessBuilder builder = new ProcessBuilder("bash", "./demo").directory(ROOT.toFile()).redirectErrorStream(true);
    builder.environment().keySet().removeIf(k -> k.startsWith("KEHOU_") || k.startsWith("SPRING_"));
    builder.environment().putAll(env);
    builder.environment().putAll(Map.of("KEHOU_DEMO_SKIP_BUILD", "1",
        "KEHOU_API_PORT", "" + AppProcess.freePort(), "KEHOU_BOT_PORT", "" + AppProcess.freePort(),
        "KEHOU_DEMO_DIR", Path.of("target", "demo").toAbsolutePath().toString()));
    Path out = Files.createDirectories(Path.of("target", "demo"));
    Process process = builder.start();
    StringBuffer output = new StringBuffer();
    Thread reader = copy(process, output, out.resolve("demo-refusal.log"));
    if (!process.waitFor(2, TimeUnit.MINUTES)) {
      process.descendants().forEach(ProcessHandle::destroy);
      process.destroyForcibly();
      throw new AssertionError("./demo did not end:\n" + output);
    }
    reader.join(5000);
    return new Result(process.exitValue(), output.toString());
  }

  private static String redis(String index, String... command) throws Exception {
    List<String> line = new java.util.ArrayList<>(List.of("redis-cli", "-h", "127.0.0.1", "-n", index));
    line.addAll(List.of(command));
    Process cli = new ProcessBuilder(line).redirectErrorStream(true).start();
    String answer = new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(cli.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return answer;
  }

  private static Thread copy(Process process, StringBuffer into, Path log) {
    Thread thread = new Thread(() -> {
      try (BufferedReader lines = new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
          Writer file = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          into.append(line).append('\n');
          file.write(line + "\n");
          file.flush();
        }
      } catch (IOException ended) {
        into.append("(output ended: ").append(ended.getMessage()).append(")\n");
      }
    }, "demo-output");
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  private static HttpResponse<String> get(String url, String token) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static boolean listening(int port) {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      return true;
    } catch (IOException refused) {
      return false;
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
