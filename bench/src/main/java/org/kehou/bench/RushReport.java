package org.kehou.bench;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** The rush's table, the database checks after each run and issue 10's targets. */
final class RushReport {

  static final double ONE_MINUTE_P99_MILLIS = 200;
  static final double TEN_SECONDS_P99_MILLIS = 1000;

  private static final String ROW = "%-10s | %6s | %-7s | %8s | %7s | %8s | %8s | %8s | %8s | %6s | %7s | %7s%n";

  private RushReport() {
  }

  static void print(PrintStream out, RushDriver.Plan plan, int parents, List<RushBench.Measured> results) {
    out.printf(Locale.ROOT, "Sign-up rush: %d bound parents who have read the letter, each sending 报名, the numbers of "
        + "their choice, 确认, each after the previous reply (think time %d ms); %d connections; bot -Xmx256m%n%n",
        parents, plan.thinkMillis(), plan.connections());
    out.printf(ROW, "allocation", "window", "step", "messages", "msgs/s", "p50 ms", "p95 ms", "p99 ms", "max ms",
        "errors", "bot cpu", "drv cpu");
    out.println("-----------+--------+---------+----------+---------+----------+----------+----------+----------+"
        + "--------+---------+--------");
    for (RushBench.Measured m : results) {
      RushDriver.Outcome o = m.outcome();
      String window = m.run().windowSeconds() + " s";
      if (o == null) {
        out.printf("%-10s | %6s | not available on this build (no offering.allocation / offering.closes_at)%n",
            m.run().allocation(), window);
        continue;
      }
      for (RushParent.Step step : RushParent.Step.values()) {
        row(out, m.run().allocation(), window, step.label, o.steps().get(step.ordinal()), o, false);
      }
      row(out, m.run().allocation(), window, "all", o.all(), o, true);
    }
    out.println();
    out.println("Steps: apply = 报名, pick = the numbers, confirm = 确认. Latency from the moment a message was due: its "
        + "parent's arrival for 报名, the previous reply for the others. msgs/s: answered messages over the run, from the "
        + "first arrival to the last reply.");
    for (RushBench.Measured m : results) {
      if (m.outcome() != null) {
        checks(out, m);
      }
    }
    out.println();
    for (RushBench.Measured m : results) {
      target(out, m);
    }
  }

  private static void row(PrintStream out, String allocation, String window, String step, Recorder.Merged merged,
      RushDriver.Outcome o, boolean cpu) {
    int[] ok = merged.okMicros();
    out.printf(ROW, allocation, window, step, ok.length + merged.errorCount(),
        String.format(Locale.ROOT, "%.1f", ok.length / o.seconds()), ms(ok, 0.50), ms(ok, 0.95), ms(ok, 0.99),
        ok.length == 0 ? "-" : String.format(Locale.ROOT, "%.2f", ok[ok.length - 1] / 1000.0), merged.errorCount(),
        cpu ? cores(o.cpu().botCores()) : "", cpu ? cores(o.cpu().driverCores()) : "");
  }

  private static void checks(PrintStream out, RushBench.Measured m) {
    RushCheck c = m.check();
    RushDriver.Outcome o = m.outcome();
    out.printf(Locale.ROOT, "%n%s, %d s: %d conversations confirmed; %d children with exactly one application, %d with "
            + "none, %d with more; %d applications for a second child%n", m.run().allocation(),
        m.run().windowSeconds(), o.confirmed(), c.exactlyOne(), c.none(), c.several(), c.siblings());
    o.all().errors().forEach((kind, n) -> out.printf("  errors: %d x %s%n", n, kind));
    out.printf("  %-17s | %8s | %6s | %7s | %10s | %7s | %7s | %9s%n", "offering", "capacity", "seated", "offered",
        "waitlisted", "in draw", "choices", "confirmed");
    for (RushCheck.Seats s : c.offerings()) {
      out.printf("  %-17s | %8d | %6d | %7d | %10d | %7d | %7d | %9d%s%n", s.label(), s.capacity(), s.seated(),
          s.offered(), s.waitlisted(), s.inDraw(), s.choices(), s.confirmed(), s.overCapacity() ? "  OVER CAPACITY" : "");
    }
    out.printf("  over capacity: %s; choices as confirmed: %s; %s%n", c.overCapacity() ? "YES" : "none",
        c.choicesAsConfirmed() ? "yes" : "NO",
        m.run().atClose()
            ? "seats before the draw: " + (c.seatsBeforeTheDraw() ? "YES" : "none (every choice in the draw)")
            : "seats left free while someone waits: " + (c.seatsLeftWhileWaiting() ? "YES" : "none"));
  }

  private static void target(PrintStream out, RushBench.Measured m) {
    String name = m.run().allocation() + ", " + m.run().windowSeconds() + " s";
    if (m.outcome() == null) {
      out.printf("%s: not available on this build%n", name);
      return;
    }
    double limit = m.run().windowSeconds() <= 10 ? TEN_SECONDS_P99_MILLIS : ONE_MINUTE_P99_MILLIS;
    int[] ok = m.outcome().all().okMicros();
    double p99 = Result.percentile(ok, 0.99);
    RushCheck c = m.check();
    boolean dbOk = !c.overCapacity() && c.none() == 0 && c.several() == 0 && c.siblings() == 0
        && c.choicesAsConfirmed() && !(m.run().atClose() ? c.seatsBeforeTheDraw() : c.seatsLeftWhileWaiting());
    boolean met = ok.length > 0 && p99 < limit && m.outcome().all().errorCount() == 0 && dbOk;
    out.printf(Locale.ROOT, "%s: p99 %s ms, %d errors, database %s (target p99 < %.0f ms, no errors, no offering over "
            + "capacity: %s)%n", name, ok.length == 0 ? "-" : String.format(Locale.ROOT, "%.1f", p99),
        m.outcome().all().errorCount(), dbOk ? "as expected" : "NOT as expected", limit, met ? "met" : "NOT met");
  }

  private static String ms(int[] sortedMicros, double p) {
    return sortedMicros.length == 0 ? "-" : String.format(Locale.ROOT, "%.2f", Result.percentile(sortedMicros, p));
  }

  private static String cores(double value) {
    return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.2f", value);
  }
}
