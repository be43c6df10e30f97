package org.kehou.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Drives the running bot: the floor (/bench/floor, signature check only) beside the full webhook (/wechat/portal),
 * each in a closed loop (maximum throughput) and an open loop (latency at a fixed offered rate). See bench/README.md.
 */
public final class Bench {

  private Bench() {
  }

  public static void main(String[] args) throws InterruptedException {
    Settings settings;
    try {
      settings = Settings.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("bench: " + e.getMessage());
      System.exit(2);
      return;
    }
    PrintStream log = new PrintStream(System.err, true, StandardCharsets.UTF_8);
    SignedMessages messages = new SignedMessages(settings.token(), settings.toUser(), settings.content());
    Target floor = Target.floorEndpoint();
    Target full = Target.webhook(settings.fullExpect());
    if (!preflight(settings, messages, List.of(floor, full), log)) {
      System.exit(3);
      return;
    }
    Samples samples = new Samples();
    List<Result> results = new ArrayList<>();
    for (String run : settings.runs()) {
      Target target = run.startsWith("floor") ? floor : full;
      log.printf("bench: %s ...%n", run);
      Result result = run.endsWith("open")
          ? OpenLoop.run(settings, target, messages, samples)
          : ClosedLoop.run(settings, target, messages, samples);
      log.printf(Locale.ROOT, "bench: %s: %.1f msgs/s, p99 %.2f ms, %d errors%n", run, result.messagesPerSecond(),
          result.p99(), result.errors());
      results.add(result);
    }
    Report.print(new PrintStream(System.out, true, StandardCharsets.UTF_8), settings, results, samples.all());
  }

  /** One message to each target before any load: a bot that cannot be reached at all is a setup failure. */
  private static boolean preflight(Settings settings, SignedMessages messages, List<Target> targets, PrintStream log) {
    for (Target target : targets) {
      SignedMessages.Request request = messages.next(target.path(), 0);
      try (HttpConnection connection = settings.connection()) {
        HttpConnection.Response response = connection.post(request.pathAndQuery(), request.body());
        String verdict = target.verdict(response);
        log.printf("bench: preflight %s -> HTTP %d %s: %s%n", target.name(), response.status(),
            verdict == null ? "(counts as success)" : "(counts as error: " + verdict + ")",
            response.body().replaceAll("\\s+", " "));
      } catch (IOException e) {
        log.printf("bench: preflight %s: cannot reach %s:%d (%s)%n", target.name(), settings.host(), settings.port(), e);
        return false;
      }
    }
    return true;
  }
}
