package org.kehou.core.archive;

import java.io.IOException;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.kehou.core.fee.FeeStatement;
import org.kehou.core.fee.FeeStatements;
import org.kehou.core.fee.FeeTexts;
import org.kehou.core.records.RecordsTexts;
import org.kehou.core.records.XlsxBook;
import org.kehou.core.records.XlsxSheet;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The fee lists of the term's months that were issued, as the finance office got them, in yuan. */
@Component
@Order(70)
class FeesPart implements ArchivePart {

  private final FeeStatements statements;
  private final RecordsTexts texts;

  FeesPart(FeeStatements statements, RecordsTexts texts) {
    this.statements = statements;
    this.texts = texts;
  }

  @Override
  public String name() {
    return "fees";
  }

  @Override
  public void write(ArchiveScope scope, ArchiveWriter out) throws IOException {
    for (YearMonth month : scope.months()) {
      List<FeeStatement.WithAdjustments> list = statements.ofMonth(scope.school().id(), month);
      if (list.isEmpty()) {
        continue; // not issued (yet): the index lists only the months that have a fee list
      }
      Map<String, Object> values = Map.of("month", month.toString(), "school", scope.school().name());
      out.file(texts.text("archive.fees.file", values), texts.text("archive.fees.description", values), zip -> {
        try (XlsxBook book = texts.book()) {
          XlsxSheet sheet = book.sheet(month.toString(), texts.text("archive.fees.title", values),
              texts.list("archive.fees.headers"), new int[] {12, 10, 9, 8, 9, 10, 10, 10, 10, 10});
          for (FeeStatement.WithAdjustments w : list) {
            FeeStatement s = w.statement();
            sheet.row(s.className(), s.studentName(), s.sessions(), FeeTexts.lessons(s.lessonTenths()),
                s.leaveDays(), FeeTexts.yuan(s.feePerLessonFen()), FeeTexts.yuan(s.grossFen()),
                FeeTexts.yuan(s.reductionFen()), FeeTexts.yuan(s.adjustmentFen()), FeeTexts.yuan(s.amountFen()));
          }
          book.write(zip);
          return sheet.rows();
        }
      });
    }
  }
}
