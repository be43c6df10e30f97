package org.kehou.admin.notice;

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
import org.kehou.core.notice.UnconfirmedFamily;
import org.kehou.core.text.Texts;
import org.springframework.stereotype.Component;

/** The families to phone about a notice nobody confirmed, as a sheet; the BOM makes Excel read it as UTF-8. */
@Component
class ParentNoticeCsv {

  private final Texts texts;

  ParentNoticeCsv(Texts texts) {
    this.texts = texts;
  }

  byte[] render(List<UnconfirmedFamily> families) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CSVPrinter csv = new CSVPrinter(writer, CSVFormat.EXCEL)) {
      writer.write('\uFEFF');
      csv.printRecord((Object[]) texts.message("parentNotice.csv.header").split(","));
      for (UnconfirmedFamily f : families) {
        csv.printRecord(CsvCells.safe(f.className(), f.studentName(), f.guardianName(), f.relation(), f.phone(),
            f.delivery()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
