package org.kehou.core.calendar;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.kehou.core.lifecycle.Transitions;
import org.kehou.core.outbox.Outbox;
import org.kehou.core.outbox.Recipient;
import org.kehou.core.text.Texts;
import org.springframework.stereotype.Component;

/**
 * The calendar's messages go to guardians, one each, naming all of their children concerned: a mother of two hears of
 * a cancelled afternoon once. Queued in the caller's transaction.
 */
@Component
class FamilyNotices {

  private final Outbox outbox;
  private final Texts texts;

  FamilyNotices(Outbox outbox, Texts texts) {
    this.outbox = outbox;
    this.texts = texts;
  }

  /**
   * @param key    the logical notice; each guardian's message is {@code key:<guardian id>}, so a re-run writes nothing
   * @param values the text's values besides {@code child}, which is filled with the guardian's children
   * @return how many guardians were addressed
   */
  int tell(long schoolId, List<FamilyChild> children, String kind, String key, String textKey,
      Map<String, Object> values) {
    Map<Long, List<FamilyChild>> families = children.stream()
        .collect(Collectors.groupingBy(FamilyChild::guardianId, LinkedHashMap::new, Collectors.toList()));
    families.forEach((guardianId, theirs) -> {
      Map<String, Object> filled = new LinkedHashMap<>();
      filled.put("child", theirs.stream().map(FamilyChild::studentName).distinct()
          .collect(Collectors.joining(texts.message("list.separator"))));
      filled.putAll(values);
      // A message about one child is listed under that child; one about several under none of them.
      Long studentId = theirs.stream().map(FamilyChild::studentId).distinct().count() == 1
          ? theirs.get(0).studentId() : null;
      outbox.enqueue(new Recipient(schoolId, guardianId, studentId), kind, key + ":" + guardianId,
          texts.message(textKey, filled), Transitions.fields(filled));
    });
    return families.size();
  }

  /** A date as parents read it: 10月9日（星期五）. */
  String date(LocalDate day) {
    String[] names = texts.message("calendar.weekdayNames").split(",");
    return texts.message("calendar.date", Map.of("month", day.getMonthValue(), "day", day.getDayOfMonth(),
        "weekday", names[day.getDayOfWeek().getValue() - 1]));
  }
}
