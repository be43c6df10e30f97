package org.kehou.admin.binding;

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
import org.kehou.core.binding.BindingCodeSheetRow;
import org.kehou.core.text.Texts;
import org.springframework.stereotype.Component;

/** Writes the sheet as CSV with a BOM, which is what makes Excel read it as UTF-8 rather than GBK. */
@Component
class BindingCodeSheet {

  private final Texts texts;

  BindingCodeSheet(Texts texts) {
    this.texts = texts;
  }

  byte[] render(List<BindingCodeSheetRow> rows) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CSVPrinter csv = new CSVPrinter(writer, CSVFormat.EXCEL)) {
      writer.write('\uFEFF');
      csv.printRecord(texts.message("binding.sheet.class"), texts.message("binding.sheet.student"),
          texts.message("binding.sheet.guardian"), texts.message("binding.sheet.relation"),
          texts.message("binding.sheet.code"));
      for (BindingCodeSheetRow row : rows) {
        csv.printRecord(CsvCells.safe(row.className(), row.studentName(), row.guardianName(), row.relation(),
            row.bound() ? texts.message("binding.sheet.bound") : row.code()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
