package org.kehou.admin.duty;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.kehou.admin.web.CsvSheet;
import org.kehou.core.duty.SubsidySheet;
import org.kehou.core.fee.FeeTexts;
import org.kehou.core.text.Texts;
import org.springframework.stereotype.Component;

/** The month's subsidy sheet for the finance office, in yuan, one row per staff member and rate, with a total. */
@Component
class SubsidyCsv {

  private final Texts texts;

  SubsidyCsv(Texts texts) {
    this.texts = texts;
  }

  byte[] render(SubsidySheet sheet) {
    List<Object[]> rows = new ArrayList<>();
    for (SubsidySheet.Row r : sheet.rows()) {
      String name = r.realName() != null ? r.realName()
          : texts.message("duty.csv.noRealName", Map.of("name", r.displayName()));
      rows.add(new Object[] {name, texts.message("duty.role." + r.role()), r.sessions(),
          FeeTexts.lessons(r.lessonTenths()), FeeTexts.yuan(r.rateFen()), FeeTexts.yuan(Math.toIntExact(r.amountFen())),
          forfeits(r)});
    }
    rows.add(new Object[] {texts.message("duty.csv.total"), "", "", "", "", FeeTexts.yuan(Math.toIntExact(sheet.totalFen())), ""});
    return CsvSheet.of(List.of(texts.message("duty.csv.header").split(",")), rows);
  }

  private String forfeits(SubsidySheet.Row r) {
    List<String> parts = new ArrayList<>();
    for (SubsidySheet.Forfeit f : r.forfeited()) {
      parts.add(texts.message("duty.csv.forfeit", Map.of("date", f.date(), "offering", f.offering(),
          "reason", texts.message("duty.reason." + f.reason()))));
    }
    return String.join(texts.message("duty.csv.forfeitSeparator"), parts);
  }
}
