package org.kehou.bot.enrolment;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.kehou.bot.wechat.Replies;
import org.kehou.core.enrolment.ApplicationView;
import org.springframework.stereotype.Component;

/**
 * One line per chosen offering: seated, its place on the waitlist, or in the offering's draw until its close. A
 * waitlist place counts only children of the same priority standing, and the lines say so.
 */
@Component
class ChoiceLines {

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final Replies replies;

  ChoiceLines(Replies replies) {
    this.replies = replies;
  }

  String of(ApplicationView application) {
    List<String> lines = new ArrayList<>();
    application.choices().forEach(choice -> lines.add(line(choice)));
    if (application.choices().stream().anyMatch(c -> c.position() != null)) {
      lines.add(replies.message("apply.result.waitlistNote", Map.of()));
    }
    return String.join("\n", lines);
  }

  /** A draw's closing time as parents read it. */
  static String when(LocalDateTime time) {
    return WHEN.format(time);
  }

  private String line(ApplicationView.Choice choice) {
    Map<String, Object> values = new HashMap<>();
    values.put("name", choice.name());
    values.put("weekdays", replies.weekdays(choice.weekdays()));
    values.put("start", replies.time(choice.startsAt()));
    values.put("end", replies.time(choice.endsAt()));
    values.put("position", choice.position() == null ? "" : choice.position());
    values.put("closesAt", choice.closesAt() == null ? "" : when(choice.closesAt()));
    return replies.message("apply.result." + choice.status(), values);
  }
}
