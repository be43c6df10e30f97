package org.kehou.core.draw;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.kehou.core.outbox.Outbox;
import org.kehou.core.outbox.Recipient;
import org.kehou.core.text.Texts;
import org.springframework.stereotype.Component;

/**
 * The outcome of a run of draws, one message per guardian however many of their children and offerings it placed.
 * Parents read a seat or a waitlist place counted within the child's priority group, never why.
 */
@Component
class DrawNotices {

  static final String KIND = "draw-result";

  private final DrawMapper mapper;
  private final Outbox outbox;
  private final Texts texts;

  DrawNotices(DrawMapper mapper, Outbox outbox, Texts texts) {
    this.mapper = mapper;
    this.outbox = outbox;
    this.texts = texts;
  }

  /** In the draws' transaction. Keyed by the run's first offering, which no other run draws: a re-run adds nothing. */
  void tell(List<Long> drawn) {
    if (drawn.isEmpty()) {
      return;
    }
    Map<Long, List<DrawMapper.Outcome>> byGuardian = drawn.stream()
        .flatMap(id -> mapper.outcomes(id).stream())
        .sorted(Comparator.comparingLong(DrawMapper.Outcome::guardianId)
            .thenComparingLong(DrawMapper.Outcome::studentId).thenComparingLong(DrawMapper.Outcome::offeringId))
        .collect(Collectors.groupingBy(DrawMapper.Outcome::guardianId, LinkedHashMap::new, Collectors.toList()));
    byGuardian.forEach((guardianId, outcomes) -> tell(guardianId, outcomes, "draw-result:" + drawn.get(0)));
  }

  private void tell(long guardianId, List<DrawMapper.Outcome> outcomes, String occasion) {
    List<String> lines = new ArrayList<>();
    Set<Long> children = new LinkedHashSet<>();
    Set<String> childNames = new LinkedHashSet<>();
    Set<String> offerings = new LinkedHashSet<>();
    boolean anySeat = false;
    boolean anyWait = false;
    for (DrawMapper.Outcome o : outcomes) {
      boolean seated = "SEATED".equals(o.status());
      anySeat |= seated;
      anyWait |= !seated;
      children.add(o.studentId());
      childNames.add(o.child());
      offerings.add(o.offering());
      lines.add(texts.message("draw.result.line." + o.status(), Map.of("child", o.child(), "offering", o.offering(),
          "position", o.position() == null ? "" : o.position())));
    }
    String separator = texts.message("list.separator");
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("child", String.join(separator, childNames));
    fields.put("offering", String.join(separator, offerings));
    fields.put("result", texts.message(anySeat && anyWait ? "draw.result.summary.mixed"
        : anySeat ? "draw.result.summary.seated" : "draw.result.summary.waitlisted"));
    String body = texts.message("draw.result", Map.of("lines", String.join("\n", lines),
        "note", anyWait ? texts.message("draw.result.waitlistNote") : ""));
    // A message about several children belongs to none of them alone.
    Long about = children.size() == 1 ? children.iterator().next() : null;
    DrawMapper.Outcome first = outcomes.get(0);
    outbox.enqueue(new Recipient(first.schoolId(), guardianId, about), KIND, occasion + ":" + guardianId, body,
        fields);
  }
}
