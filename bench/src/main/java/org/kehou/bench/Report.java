package org.kehou.bench;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The table bench/run prints, the two targets of issue 2 checked, and what the answers looked like. */
final class Report {

  static final double MIN_THROUGHPUT_RATIO = 0.40;
  static final double MAX_P99_MILLIS = 100.0;

  private Report() {
  }

  static void print(PrintStream out, Settings settings, List<Result> results, Map<String, String> samples) {
    String format = "%-6s | %-6s | %-20s | %9s | %8s | %8s | %8s | %8s | %7s | %7s%n";
    out.printf(format, "target", "mode", "offered", "msgs/s", "p50 ms", "p99 ms", "max ms", "errors", "bot cpu",
        "drv cpu");
    out.println("-------+--------+----------------------+-----------+----------+----------+----------+----------"
        + "+---------+--------");
    for (Result r : results) {
      String mark = r.failedLatencies() ? "*" : "";
      out.printf(format, r.target(), r.mode(), r.offered(), String.format(Locale.ROOT, "%.1f", r.messagesPerSecond()),
          millis(r.p50()) + mark, millis(r.p99()) + mark, millis(r.max()) + mark, r.errors(), cores(r.cpu().botCores()),
          cores(r.cpu().driverCores()));
    }
    out.println();
    for (Result r : results) {
      r.errorKinds().forEach((kind, n) -> out.printf("  errors %s %s: %d x %s%n", r.target(), r.mode(), n, kind));
    }
    if (results.stream().anyMatch(Result::failedLatencies)) {
      out.println("  * no successful message in that run: its latencies are those of the failed answers");
    }
    out.printf(Locale.ROOT, "%nWarm-up %d s then %d s measured per run; closed loop = %d parents back to back;"
            + " open loop latency counted from each message's scheduled time;"
            + " cpu in cores used during the measured window (machine: %d).%n",
        settings.warmupSeconds(), settings.durationSeconds(), settings.concurrency(),
        Runtime.getRuntime().availableProcessors());
    Result floorClosed = find(results, "floor", "closed");
    Result fullClosed = find(results, "full", "closed");
    Result fullOpen = find(results, "full", "open");
    if (floorClosed != null && fullClosed != null && floorClosed.messagesPerSecond() > 0) {
      double ratio = fullClosed.messagesPerSecond() / floorClosed.messagesPerSecond();
      out.printf(Locale.ROOT, "full/floor max throughput: %.2f (%.0f%%; target >= %.0f%%: %s)%n", ratio, ratio * 100,
          MIN_THROUGHPUT_RATIO * 100, ratio >= MIN_THROUGHPUT_RATIO ? "met" : "NOT met");
    }
    if (fullOpen != null) {
      boolean met = !fullOpen.failedLatencies() && fullOpen.errors() == 0 && fullOpen.p99() < MAX_P99_MILLIS;
      out.printf(Locale.ROOT, "full p99 at %s offered: %s ms (target < %.0f ms with no errors: %s)%n",
          fullOpen.offered(), millis(fullOpen.p99()), MAX_P99_MILLIS, met ? "met" : "NOT met");
    }
    out.println();
    out.println("First answer of each kind:");
    samples.forEach((kind, body) -> out.printf("  %s: %s%n", kind, body));
  }

  private static Result find(List<Result> results, String target, String mode) {
    return results.stream().filter(r -> r.target().equals(target) && r.mode().equals(mode)).findFirst().orElse(null);
  }

  private static String cores(double value) {
    return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.2f", value);
  }

  private static String millis(double value) {
    return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.2f", value);
  }
}
