package org.kehou.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one notice run measured. Moments are {@link System#nanoTime()}: {@code sent} the start of the admin API's
 * call, {@code returned} its answer, {@code first}/{@code last} the first and last arrival of a guardian's message at
 * either fake WeChat API, {@code allSent} when the database first showed every row SENT (0: never before the
 * timeout). {@code perInstance}: sends each bot made. {@code cpu}: cores used by bot 1, bot 2 and the admin API from
 * the call until every row was SENT.
 */
record NoticeResult(long sent, long returned, long first, long last, long allSent, int expected, int received,
    int duplicates, int missing, int unexpected, List<Integer> perInstance, int rows, int sentRows, String answer,
    NoticeConfirmations.Outcome confirmations, int confirmedInDb, int confirmedByChat, String status,
    List<CpuMeter.Usage> cpu) {

  static NoticeResult of(long sent, long returned, long allSent, List<String> expectedList,
      List<Map<String, FakeWeChat.Arrivals>> instances, int rows, int sentRows, String answer,
      NoticeConfirmations.Outcome confirmations, int confirmedInDb, int confirmedByChat, String status,
      List<CpuMeter.Usage> cpu) {
    Set<String> expected = Set.copyOf(expectedList);
    Map<String, Integer> counts = new HashMap<>();
    Map<String, Long> firsts = new HashMap<>();
    List<Integer> perInstance = new ArrayList<>();
    for (Map<String, FakeWeChat.Arrivals> instance : instances) {
      int sends = 0;
      for (Map.Entry<String, FakeWeChat.Arrivals> entry : instance.entrySet()) {
        int count = entry.getValue().count.get();
        sends += count;
        counts.merge(entry.getKey(), count, Integer::sum);
        firsts.merge(entry.getKey(), entry.getValue().firstNanos, Math::min);
      }
      perInstance.add(sends);
    }
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    int received = 0;
    int duplicates = 0;
    int unexpected = 0;
    for (Map.Entry<String, Integer> entry : counts.entrySet()) {
      if (!expected.contains(entry.getKey())) {
        unexpected++;
        continue;
      }
      received++;
      first = Math.min(first, firsts.get(entry.getKey()));
      last = Math.max(last, firsts.get(entry.getKey()));
      if (entry.getValue() > 1) {
        duplicates++;
      }
    }
    return new NoticeResult(sent, returned, received == 0 ? 0 : first, received == 0 ? 0 : last, allSent,
        expected.size(), received, duplicates, expected.size() - received, unexpected, List.copyOf(perInstance),
        rows, sentRows, answer, confirmations, confirmedInDb, confirmedByChat, status, List.copyOf(cpu));
  }

  boolean complete() {
    return missing == 0 && duplicates == 0 && unexpected == 0 && rows == expected && sentRows == rows && allSent != 0;
  }

  /** Seconds from the call to {@code to}, or NaN when {@code to} never happened. */
  double afterCall(long to) {
    return to == 0 ? Double.NaN : (to - sent) / 1e9;
  }
}
