package org.kehou.bot.enrolment;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.kehou.bot.wechat.Replies;
import org.kehou.core.enrolment.ApplicationView;
import org.springframework.stereotype.Component;

/** One line per chosen offering: seated, or its place on the waitlist. */
@Component
class ChoiceLines {

  private final Replies replies;

  ChoiceLines(Replies replies) {
    this.replies = replies;
  }

  String of(ApplicationView application) {
    return application.choices().stream().map(this::line).collect(Collectors.joining("\n"));
  }

  private String line(ApplicationView.Choice choice) {
    Map<String, Object> values = new HashMap<>();
    values.put("name", choice.name());
    values.put("weekdays", replies.weekdays(choice.weekdays()));
    values.put("start", replies.time(choice.startsAt()));
    values.put("end", replies.time(choice.endsAt()));
    values.put("position", choice.position() == null ? "" : choice.position());
    return replies.message("apply.result." + choice.status(), values);
  }
}
