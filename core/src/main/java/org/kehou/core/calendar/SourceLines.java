package org.kehou.core.calendar;

import java.util.ArrayList;
import java.util.List;

/** Line numbers as a spreadsheet shows them: a quoted cell may span lines, so records are not lines. */
final class SourceLines {

  private final String text;
  private final int[] starts;

  SourceLines(String text) {
    this.text = text;
    List<Integer> found = new ArrayList<>();
    found.add(0);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
        found.add(i + 1);
      }
    }
    starts = found.stream().mapToInt(Integer::intValue).toArray();
  }

  int lineOf(long position) {
    int p = (int) position;
    // A record's position may point at the empty lines the parser skipped before it.
    while (p < text.length() && (text.charAt(p) == '\r' || text.charAt(p) == '\n')) {
      p++;
    }
    int lo = 0;
    int hi = starts.length - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (starts[mid] <= p) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo + 1;
  }
}
