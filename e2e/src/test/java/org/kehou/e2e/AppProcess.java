package org.kehou.e2e;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One packaged Kehou app (java -jar) started as a real process, with its output in target/<name>.log. */
final class AppProcess {

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  final String name;
  final int port;
  private final Process process;
  private final Path log;

  private AppProcess(String name, int port, Process process, Path log) {
    this.name = name;
    this.port = port;
    this.process = process;
    this.log = log;
  }

  /** Starts the newest jar module/target/kehou-module-*.jar; only the given KEHOU_* and SPRING_* variables reach it. */
  static AppProcess start(String module, int port, Map<String, String> env) {
    Path jar = jar(module);
    Path log = Path.of("target", module + ".log");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-jar", jar.toString())
        .redirectErrorStream(true).redirectOutput(log.toFile());
    // Whatever the build itself was given (a test DB URL, another profile) must not leak into the app.
    builder.environment().keySet().removeIf(k -> k.startsWith("KEHOU_") || k.startsWith("SPRING_"));
    builder.environment().putAll(env);
    try {
      Files.createDirectories(log.getParent());
      return new AppProcess(module, port, builder.start(), log);
    } catch (IOException e) {
      throw new UncheckedIOException("could not start " + jar, e);
    }
  }

  String base() {
    return "http://127.0.0.1:" + port;
  }

  void awaitHealthy() {
    await(name + " healthy (log: " + log + ")").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
        .until(() -> {
          if (!process.isAlive()) {
            throw new AssertionError(name + " stopped while starting:\n" + tail());
          }
          try {
            HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create(base() + "/actuator/health"))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            return health.statusCode() == 200 && health.body().contains("\"UP\"");
          } catch (IOException notYetListening) {
            return false;
          }
        });
  }

  void stop() {
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  String tail() {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path jar(String module) {
    File[] jars = Path.of("..", module, "target").toFile()
        .listFiles((dir, file) -> file.startsWith("kehou-" + module + "-") && file.endsWith(".jar")
            && !file.endsWith("-tests.jar") && !file.endsWith("-sources.jar"));
    if (jars == null || jars.length == 0) {
      throw new IllegalStateException("../" + module + "/target has no kehou-" + module + "-*.jar: run the whole "
          + "reactor (mvn -B verify) or mvn -B -DskipTests package first");
    }
    return Arrays.stream(jars).max((a, b) -> Long.compare(a.lastModified(), b.lastModified())).orElseThrow().toPath();
  }
}
