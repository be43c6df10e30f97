package org.kehou.bench;

import java.io.PrintStream;
import java.util.Locale;

/** The absence bench's table and issue 11's target line. */
record AbsenceReport(AbsenceSchool school, int absent, long delayMillis, String targetSeconds) {

  void print(PrintStream out, AbsenceResult r) {
    out.printf(Locale.ROOT, "Absence alerts: a school of %d children, %d roll calls saved at once (sessions from %s "
        + "today), %d marked absent; fake WeChat API answering every send after %d ms; bot and admin API -Xmx256m, outbox "
        + "settings as deployed%n%n", school.children(), school.sessions(), school.startsAt(), absent, delayMillis);
    out.println("sessions | absent | cases | alert rows | SENT | guardians | alerted | duplicates | unexpected | "
        + "roll call s");
    out.println("---------+--------+-------+------------+------+-----------+---------+------------+------------+"
        + "------------");
    out.printf(Locale.ROOT, "%8d | %6d | %5d | %10d | %4d | %9d | %7d | %10d | %10d | %11.2f%n", school.sessions(),
        absent, r.cases(), r.rows(), r.sentRows(), r.expected(), r.alerted(), r.duplicates(), r.unexpected(),
        AbsenceResult.seconds(r.sent(), r.returned()));
    out.println();
    out.println("seconds from              | first alert | last alert | all SENT in db");
    out.println("--------------------------+-------------+------------+---------------");
    line(out, "the roll calls sent", r, r.sent());
    line(out, "the last roll call saved", r, r.returned());
    double worst = AbsenceResult.seconds(r.sent(), r.lastAlert());
    double target = Double.parseDouble(targetSeconds);
    boolean met = r.complete() && worst <= target;
    out.printf(Locale.ROOT, "%nroll call sent to the last guardian's alert handed to WeChat: %.2f s (target <= %s s, "
        + "every guardian alerted once, every row SENT: %s)%n", worst, targetSeconds, met ? "met" : "NOT met");
  }

  private static void line(PrintStream out, String from, AbsenceResult r, long start) {
    out.printf(Locale.ROOT, "%-25s | %11.2f | %10.2f | %14.2f%n", from,
        AbsenceResult.seconds(start, r.firstAlert()), AbsenceResult.seconds(start, r.lastAlert()),
        AbsenceResult.seconds(start, r.allSent()));
  }
}
