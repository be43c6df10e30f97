package org.kehou.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Locale;

/** The pickup bench's table and issue 12's target line. */
record PickupReport(PickupSchool school, int guardians, long delayMillis, double targetSeconds) {

  void print(PrintStream out, PickupResult r) {
    out.printf(Locale.ROOT, "Pickup messages: a school of %d children, %d sessions all ending at %s (Beijing) on %s, "
        + "every child present; fake WeChat API answering every send after %d ms; two bots -Xmx256m, outbox settings "
        + "as deployed%n%n", school.children(), school.sessions(), school.endsAt(), school.today(), delayMillis);
    out.println("children | guardians | pickup rows | SENT | received | duplicates | missing | unexpected | bot 1 | "
        + "bot 2");
    out.println("---------+-----------+-------------+------+----------+------------+---------+------------+-------+"
        + "------");
    out.printf(Locale.ROOT, "%8d | %9d | %11d | %4d | %8d | %10d | %7d | %10d | %5d | %5d%n", school.children(),
        guardians, r.rows(), r.sentRows(), r.received(), r.duplicates(), r.missing(), r.unexpected(),
        r.perInstance().get(0), r.perInstance().get(1));
    out.println();
    out.println("seconds after         | first message | last message | all SENT in db");
    out.println("----------------------+---------------+--------------+---------------");
    out.printf(Locale.ROOT, "%-21s | %13.2f | %12.2f | %14.2f%n", "T, the sessions' end", r.afterEnd(r.first()),
        r.afterEnd(r.last()), r.afterEnd(r.allSent()));
    out.printf("%nrows queued (created_at as the bot writes it, whole seconds): %s to %s s after the end%n",
        afterEnd(r.queuedFrom()), afterEnd(r.queuedTo()));
    double worst = r.afterEnd(r.last());
    boolean met = r.complete() && worst <= targetSeconds;
    out.printf(Locale.ROOT, "session end to the last pickup message handed to WeChat: %.2f s (target <= %.0f s, each "
        + "guardian binding exactly once, every row SENT: %s)%n", worst, targetSeconds, met ? "met" : "NOT met");
  }

  /** A created_at of the bot's (school time, as the mariadb client prints it) in seconds after the end. */
  private String afterEnd(String createdAt) {
    if (createdAt == null || createdAt.equals("NULL")) {
      return "-";
    }
    LocalDateTime at = LocalDateTime.parse(createdAt.replace(' ', 'T'));
    double seconds = Duration.between(school.today().atTime(school.endsAt()), at).toMillis() / 1000.0;
    return String.format(Locale.ROOT, "%.1f", seconds);
  }
}
