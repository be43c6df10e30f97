package org.kehou.admin.fee;

import java.util.List;
import org.kehou.admin.web.CsvSheet;
import org.kehou.core.fee.FeeStatement;
import org.kehou.core.fee.FeeTexts;
import org.kehou.core.text.Texts;
import org.springframework.stereotype.Component;

/** The month's fee list for the finance office, in yuan. */
@Component
class FeeCsv {

  private final Texts texts;

  FeeCsv(Texts texts) {
    this.texts = texts;
  }

  byte[] render(List<FeeStatement.WithAdjustments> statements) {
    return CsvSheet.of(List.of(texts.message("fee.csv.header").split(",")), statements.stream()
        .map(FeeStatement.WithAdjustments::statement)
        .map(s -> new Object[] {s.className(), s.studentName(), s.sessions(), FeeTexts.lessons(s.lessonTenths()),
            s.leaveDays(), FeeTexts.yuan(s.feePerLessonFen()), FeeTexts.yuan(s.grossFen()),
            FeeTexts.yuan(s.reductionFen()), FeeTexts.yuan(s.adjustmentFen()), FeeTexts.yuan(s.amountFen())})
        .toList());
  }
}
