package org.kehou.bench;

import java.util.Map;
import java.util.Set;

/**
 * What one absence run measured. Moments are {@link System#nanoTime()}: {@code sent} when the roll calls went out,
 * {@code returned} when the last one was answered, {@code firstAlert}/{@code lastAlert} the first and last arrival of a
 * guardian's alert at the fake WeChat API, {@code allSent} when the database first showed every alert row SENT (0: it
 * never did before the timeout).
 */
record AbsenceResult(long sent, long returned, long firstAlert, long lastAlert, long allSent, int expected,
    int alerted, int duplicates, int unexpected, int cases, int rows, int sentRows) {

  static AbsenceResult of(long sent, long returned, long allSent, Set<String> expected,
      Map<String, FakeWeChat.Arrivals> received, int cases, int rows, int sentRows) {
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    int alerted = 0;
    int duplicates = 0;
    int unexpected = 0;
    for (Map.Entry<String, FakeWeChat.Arrivals> entry : received.entrySet()) {
      if (!expected.contains(entry.getKey())) {
        unexpected++;
        continue;
      }
      alerted++;
      long arrived = entry.getValue().firstNanos;
      first = Math.min(first, arrived);
      last = Math.max(last, arrived);
      if (entry.getValue().count.get() > 1) {
        duplicates++;
      }
    }
    return new AbsenceResult(sent, returned, alerted == 0 ? 0 : first, alerted == 0 ? 0 : last, allSent,
        expected.size(), alerted, duplicates, unexpected, cases, rows, sentRows);
  }

  boolean complete() {
    return alerted == expected && duplicates == 0 && unexpected == 0 && rows == expected && sentRows == rows
        && allSent != 0;
  }

  /** Seconds from {@code from} to {@code to}, or NaN when {@code to} never happened. */
  static double seconds(long from, long to) {
    return to == 0 ? Double.NaN : (to - from) / 1e9;
  }
}
