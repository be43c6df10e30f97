package org.kehou.admin.fee;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.kehou.admin.web.CsvCells;
import org.kehou.core.fee.FeeStatement;
import org.kehou.core.fee.FeeTexts;
import org.kehou.core.text.Texts;
import org.springframework.stereotype.Component;

/** The month's fee list for the finance office, in yuan; the BOM makes Excel read it as UTF-8. */
@Component
class FeeCsv {

  private final Texts texts;

  FeeCsv(Texts texts) {
    this.texts = texts;
  }

  byte[] render(List<FeeStatement.WithAdjustments> statements) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CSVPrinter csv = new CSVPrinter(writer, CSVFormat.EXCEL)) {
      writer.write('\uFEFF');
      csv.printRecord((Object[]) texts.message("fee.csv.header").split(","));
      for (FeeStatement.WithAdjustments w : statements) {
        FeeStatement s = w.statement();
        csv.printRecord(CsvCells.safe(s.className(), s.studentName(), s.sessions(),
            FeeTexts.lessons(s.lessonTenths()), s.leaveDays(), FeeTexts.yuan(s.feePerLessonFen()),
            FeeTexts.yuan(s.grossFen()), FeeTexts.yuan(s.reductionFen()), FeeTexts.yuan(s.adjustmentFen()),
            FeeTexts.yuan(s.amountFen())));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
