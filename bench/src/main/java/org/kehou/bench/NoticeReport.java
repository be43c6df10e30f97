package org.kehou.bench;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The notice bench's tables and issue 13's target lines. */
record NoticeReport(NoticeSchool school, int confirmers, int windowSeconds, long delayMillis, String outbox,
    boolean urgent) {

  void print(PrintStream out, NoticeResult r) {
    out.printf(Locale.ROOT, "Notice to the whole school (%s): %d guardians bound to WeChat, %d of them with two "
        + "children (%d children); fake WeChat APIs answering every send after %d ms; two bots -Xmx256m, outbox %s; "
        + "%d parents send 收到 over %d s from the call%n%n", urgent ? "urgent" : "not urgent", school.guardians(), school.withTwoChildren(),
        school.children(), delayMillis, outbox, confirmers, windowSeconds);
    out.println("guardians | rows | SENT | received | duplicates | missing | unexpected | bot 1 | bot 2");
    out.println("----------+------+------+----------+------------+---------+------------+-------+------");
    out.printf(Locale.ROOT, "%9d | %4d | %4d | %8d | %10d | %7d | %10d | %5d | %5d%n", r.expected(), r.rows(),
        r.sentRows(), r.received(), r.duplicates(), r.missing(), r.unexpected(), r.perInstance().get(0),
        r.perInstance().get(1));
    out.println();
    out.println("seconds after the call | call answered | first message | last message | all SENT in db");
    out.println("-----------------------+---------------+---------------+--------------+---------------");
    out.printf(Locale.ROOT, "%-22s | %13.2f | %13.2f | %12.2f | %14.2f%n", "POST /parent-notices",
        r.afterCall(r.returned()), r.afterCall(r.first()), r.afterCall(r.last()), r.afterCall(r.allSent()));
    out.printf("%nthe call answered: %s%n", r.answer());
    out.printf("GET /api/v1/parent-notices/{id} afterwards: %s%n", r.status());
    List<CpuMeter.Usage> cpu = r.cpu();
    out.printf(Locale.ROOT, "cores used from the call until every row was SENT: bot 1 %.2f, bot 2 %.2f, admin API "
        + "%.2f, driver %.2f%n", cpu.get(0).botCores(), cpu.get(1).botCores(), cpu.get(2).botCores(),
        cpu.get(0).driverCores());
    out.println();
    NoticeConfirmations.Outcome c = r.confirmations();
    out.println("收到 to      | messages | answered |   p50 ms |   p95 ms |   p99 ms |   max ms | errors");
    out.println("-------------+----------+----------+----------+----------+----------+----------+-------");
    for (int b = 0; b < c.perBot().size(); b++) {
      row(out, "bot " + (b + 1), c.perBot().get(b));
    }
    row(out, "both", c.all());
    long lastArrival = r.last() == 0 ? Long.MAX_VALUE : r.last();
    int[] during = c.dueAndMicros().stream().filter(s -> s[0] <= lastArrival).mapToInt(s -> (int) s[1]).sorted()
        .toArray();
    int[] after = c.dueAndMicros().stream().filter(s -> s[0] > lastArrival).mapToInt(s -> (int) s[1]).sorted()
        .toArray();
    partial(out, "while sending", during);
    partial(out, "after it", after);
    c.all().errors().forEach((kind, n) -> out.printf("  errors: %d x %s%n", n, kind));
    out.println("replies (first of each text):");
    for (Map.Entry<String, String> reply : c.replies().entrySet()) {
      out.printf("  %s: %s%n", reply.getValue(), reply.getKey().replaceAll("\\s+", " "));
    }
    out.printf("confirmations recorded in the database: %d (by chat: %d) of %d%n", r.confirmedInDb(),
        r.confirmedByChat(), confirmers);
    out.println();
    double last = r.afterCall(r.last());
    out.printf(Locale.ROOT, "the call to the last message handed to WeChat: %.2f s (target <= 10 s, each guardian "
        + "exactly once, every row SENT: %s)%n", last, r.complete() && last <= 10 ? "met" : "NOT met");
    double p99 = Result.percentile(c.all().okMicros(), 0.99);
    boolean recorded = r.confirmedInDb() == confirmers;
    out.printf(Locale.ROOT, "收到 p99: %.2f ms (target < 200 ms with no errors: %s; %s)%n", p99,
        p99 < 200 && c.all().errorCount() == 0 ? "met" : "NOT met",
        recorded ? "every confirmation recorded" : "confirmations recorded: " + r.confirmedInDb()
            + ", so the replies only were measured");
  }

  private static void row(PrintStream out, String label, Recorder.Merged m) {
    int[] ok = m.okMicros();
    out.printf(Locale.ROOT, "%-12s | %8d | %8d | %8s | %8s | %8s | %8s | %6d%n", label, ok.length + m.errorCount(),
        ok.length, ms(ok, 0.50), ms(ok, 0.95), ms(ok, 0.99), ok.length == 0 ? "-" : ms(ok, 1.0), m.errorCount());
  }

  /** Answered messages due before (or after) the notice's last message reached a fake, errors not split. */
  private static void partial(PrintStream out, String label, int[] ok) {
    out.printf(Locale.ROOT, "%-12s | %8s | %8d | %8s | %8s | %8s | %8s | %6s%n", label, "", ok.length,
        ms(ok, 0.50), ms(ok, 0.95), ms(ok, 0.99), ok.length == 0 ? "-" : ms(ok, 1.0), "");
  }

  private static String ms(int[] sorted, double p) {
    return sorted.length == 0 ? "-" : String.format(Locale.ROOT, "%.2f", Result.percentile(sorted, p));
  }
}
