package org.kehou.core.archive;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.kehou.core.duty.SubsidySheet;
import org.kehou.core.duty.SubsidySheets;
import org.kehou.core.fee.FeeTexts;
import org.kehou.core.records.RecordsTexts;
import org.kehou.core.records.XlsxBook;
import org.kehou.core.records.XlsxSheet;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The subsidy sheets (补助资金月发放明细表) of the term's months, as the finance office gets them: per staff member
 * and rate the paid sessions, hours and amount, and each duty that did not count with its reason.
 */
@Component
@Order(75)
class SubsidyPart implements ArchivePart {

  private final SubsidySheets sheets;
  private final RecordsTexts texts;

  SubsidyPart(SubsidySheets sheets, RecordsTexts texts) {
    this.sheets = sheets;
    this.texts = texts;
  }

  @Override
  public String name() {
    return "subsidies";
  }

  @Override
  public void write(ArchiveScope scope, ArchiveWriter out) throws IOException {
    for (YearMonth month : scope.months()) {
      SubsidySheet sheet = sheets.month(scope.school().id(), month);
      if (sheet.rows().isEmpty()) {
        continue; // nobody was on duty or signed that month: the index lists only months with a sheet
      }
      Map<String, Object> values = Map.of("month", month.toString(), "school", scope.school().name(),
          "countedTo", RecordsTexts.date(sheet.countedTo()));
      out.file(texts.text("archive.subsidy.file", values), texts.text("archive.subsidy.description", values), zip -> {
        try (XlsxBook book = texts.book()) {
          XlsxSheet rows = book.sheet(month.toString(), texts.text("archive.subsidy.title", values),
              texts.list("archive.subsidy.headers"), new int[] {12, 10, 9, 8, 10, 10, 48});
          for (SubsidySheet.Row r : sheet.rows()) {
            rows.row(r.realName() != null ? r.realName()
                    : texts.text("archive.subsidy.noRealName", Map.of("name", r.displayName())),
                texts.text("archive.subsidy.role." + r.role()), r.sessions(), FeeTexts.lessons(r.lessonTenths()),
                FeeTexts.yuan(r.rateFen()), yuan(r.amountFen()), forfeits(r));
          }
          int written = rows.rows();
          rows.row(texts.text("archive.subsidy.total"), "", "", "", "", yuan(sheet.totalFen()), "");
          book.write(zip);
          return written;
        }
      });
    }
  }

  private String forfeits(SubsidySheet.Row r) {
    List<String> parts = new ArrayList<>();
    for (SubsidySheet.Forfeit f : r.forfeited()) {
      parts.add(texts.text("archive.subsidy.forfeit", Map.of("date", RecordsTexts.date(f.date()),
          "offering", f.offering(), "reason", texts.text("archive.subsidy.reason." + f.reason()))));
    }
    return String.join(texts.text("archive.subsidy.separator"), parts);
  }

  private static String yuan(long fen) {
    return BigDecimal.valueOf(fen, 2).toPlainString();
  }
}
