package org.kehou.bench;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One of our Spring Boot jars run as a child process, healthy before it is handed back, stopped on close. */
final class JarProcess implements AutoCloseable {

  private final Process process;

  private JarProcess(Process process) {
    this.process = process;
  }

  /**
   * Starts {@code jar} with {@code -Xmx256m}, the extra JVM options and the environment, its output into {@code log},
   * and waits up to 180 s for {@code /actuator/health} UP on {@code port}.
   */
  static JarProcess start(String jar, String javaOpts, Map<String, String> env, int port, File log)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("java", "-Xmx256m"));
    if (javaOpts != null && !javaOpts.isBlank()) {
      command.addAll(List.of(javaOpts.trim().split("\\s+")));
    }
    command.addAll(List.of("-jar", jar));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log);
    builder.environment().putAll(env);
    JarProcess started = new JarProcess(builder.start());
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    URI health = URI.create("http://127.0.0.1:" + port + "/actuator/health");
    long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
    while (System.nanoTime() < deadline) {
      if (!started.process.isAlive()) {
        throw new IllegalStateException(jar + " exited during start; see " + log);
      }
      try {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(health).GET().build(),
            HttpResponse.BodyHandlers.ofString());
        if (answer.body().contains("\"UP\"")) {
          return started;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    started.close();
    throw new IllegalStateException(jar + " is not healthy after 180 s; see " + log);
  }

  long pid() {
    return process.pid();
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
