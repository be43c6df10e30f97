package org.kehou.core.notice;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kehou.core.text.Texts;
import org.springframework.stereotype.Component;

/** What a guardian reads of a notice in WeChat: the push, the reminder, and times as parents read them. */
@Component
public class NoticeTexts {

  private final Texts texts;

  NoticeTexts(Texts texts) {
    this.texts = texts;
  }

  /** 12月8日 17:30 */
  public String when(LocalDateTime at) {
    return texts.message("parentNotice.when", Map.of("month", at.getMonthValue(), "day", at.getDayOfMonth(),
        "time", String.format("%02d:%02d", at.getHour(), at.getMinute())));
  }

  public String children(List<String> names) {
    return String.join(texts.message("list.separator"), names);
  }

  /** The values of a notice's message: its text and the same content for the kind's template. */
  record Rendered(String body, Map<String, String> fields) {
  }

  Rendered push(NoticeRow notice, int seq, List<String> children, String link) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("child", children(children));
    values.put("title", notice.title());
    values.put("sender", notice.senderName());
    values.put("sentAt", when(notice.createdAt()));
    values.put("mark", texts.message(notice.urgent() ? "parentNotice.mark.urgent" : "parentNotice.mark.normal"));
    values.put("body", notice.body());
    values.put("seq", seq);
    values.put("link", link);
    values.put("confirm", notice.confirmRequired()
        ? texts.message("parentNotice.confirm.required", Map.of("deadline", when(notice.confirmBy()), "seq", seq))
        : texts.message("parentNotice.confirm.optional", Map.of("seq", seq)));
    return new Rendered(texts.message("parentNotice.push", values),
        fields(values, "child", "title", "sender", "sentAt"));
  }

  Rendered reminder(NoticeRow notice, int seq, List<String> children, String link) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("child", children(children));
    values.put("title", notice.title());
    values.put("deadline", when(notice.confirmBy()));
    values.put("mark", texts.message(notice.urgent() ? "parentNotice.mark.urgent" : "parentNotice.mark.normal"));
    values.put("seq", seq);
    values.put("link", link);
    return new Rendered(texts.message("parentNotice.reminder", values), fields(values, "child", "title", "deadline"));
  }

  private static Map<String, String> fields(Map<String, Object> values, String... names) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String name : names) {
      fields.put(name, String.valueOf(values.get(name)));
    }
    return fields;
  }
}
