package org.kehou.core.agreement;

import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.kehou.core.school.Term;
import org.kehou.core.text.Texts;
import org.springframework.stereotype.Component;

/** Renders an application's agreement from templates/agreement.txt with the school's real terms. */
@Component
class AgreementText {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

  private final Texts texts;

  AgreementText(Texts texts) {
    this.texts = texts;
  }

  Texts.Rendered render(AgreementParties parties, List<String> guardians, Term term, List<SeatedOffering> offerings) {
    String summer = term.summerStartsOn() == null ? "-"
        : DAY.format(term.summerStartsOn()) + " ~ " + DAY.format(term.summerEndsOn());
    return texts.document("agreement", Map.ofEntries(
        Map.entry("school", parties.school()),
        Map.entry("guardian", String.join(texts.message("list.separator"), guardians)),
        Map.entry("child", parties.child()),
        Map.entry("className", parties.className()),
        Map.entry("termStart", DAY.format(term.startsOn())),
        Map.entry("termEnd", DAY.format(term.endsOn())),
        Map.entry("offerings", offerings.stream().map(this::line).collect(Collectors.joining("\n"))),
        Map.entry("sessionStart", TIME.format(term.sessionStartsAt())),
        Map.entry("winterEnd", TIME.format(term.winterEndsAt())),
        Map.entry("summerPeriod", summer),
        Map.entry("summerEnd", TIME.format(term.summerEndsAt())),
        Map.entry("fee", BigDecimal.valueOf(term.feePerLessonFen(), 2).stripTrailingZeros().toPlainString())));
  }

  private String line(SeatedOffering offering) {
    return texts.message("agreement.offeringLine", Map.of("name", offering.name(),
        "days", texts.weekdays(offering.weekdays()),
        "start", TIME.format(offering.startsAt()), "end", TIME.format(offering.endsAt())));
  }

}
