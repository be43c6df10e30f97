package org.kehou.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One parent's 报名 conversation: the step it is at and when its next message is due. Only the worker holding it
 * touches it (the queue hands it over), so it needs no lock.
 */
final class RushParent implements Delayed {

  /** The conversation, in order; each step's reply must read as one of the expected templates. */
  enum Step {
    APPLY("apply"), PICK("pick"), CONFIRM("confirm");

    final String label;

    Step(String label) {
      this.label = label;
    }
  }

  static final String APPLY_WORD = "\u62a5\u540d"; // 报名
  static final String CONFIRM_WORD = "\u786e\u8ba4"; // 确认
  private static final Pattern LIST_LINE = Pattern.compile("(?m)^(\\d+)\\. ([^\uff1a\n]+)\uff1a");

  final int index;
  final String openid;
  final List<RushSchool.Wish> wishes;
  Step step = Step.APPLY;
  long due;
  String numbers;
  List<String> chosen = List.of();

  RushParent(int index, String openid, List<RushSchool.Wish> wishes, long due) {
    this.index = index;
    this.openid = openid;
    this.wishes = wishes;
    this.due = due;
  }

  String content() {
    return switch (step) {
      case APPLY -> APPLY_WORD;
      case PICK -> numbers;
      case CONFIRM -> CONFIRM_WORD;
    };
  }

  /**
   * Reads the numbered list the bot sent after 报名 and picks the numbers of the wished offerings, by name (the club of
   * the child's half of the school is whichever of the two grade clubs is listed). Null when a wished one is missing.
   */
  String pick(String list) {
    List<String> numbered = new ArrayList<>();
    List<String> names = new ArrayList<>();
    Matcher m = LIST_LINE.matcher(list);
    while (m.find()) {
      numbered.add(m.group(1));
      names.add(m.group(2).trim());
    }
    List<String> typed = new ArrayList<>();
    List<String> picked = new ArrayList<>();
    for (RushSchool.Wish wish : wishes) {
      int at = switch (wish) {
        case HOMEWORK -> names.indexOf(RushSchool.OFFERINGS.get(0).name());
        case GO -> names.indexOf(RushSchool.OFFERINGS.get(1).name());
        case GRADE_CLUB -> Math.max(names.indexOf(RushSchool.OFFERINGS.get(2).name()),
            names.indexOf(RushSchool.OFFERINGS.get(3).name()));
      };
      if (at < 0) {
        return null;
      }
      typed.add(numbered.get(at));
      picked.add(names.get(at));
    }
    chosen = picked;
    numbers = String.join(" ", typed);
    return numbers;
  }

  @Override
  public long getDelay(TimeUnit unit) {
    return unit.convert(due - System.nanoTime(), TimeUnit.NANOSECONDS);
  }

  @Override
  public int compareTo(Delayed other) {
    RushParent o = (RushParent) other;
    int byDue = Long.compare(due, o.due);
    return byDue != 0 ? byDue : Integer.compare(index, o.index);
  }
}
