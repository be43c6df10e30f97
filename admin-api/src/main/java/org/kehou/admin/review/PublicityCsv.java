package org.kehou.admin.review;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.kehou.admin.web.CsvCells;
import org.kehou.core.publicity.PublicityEntry;
import org.kehou.core.text.Texts;
import org.springframework.stereotype.Component;

/** The publicity list as a sheet to print or post; the BOM makes Excel read it as UTF-8. */
@Component
class PublicityCsv {

  private static final DateTimeFormatter ENDS_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final Texts texts;

  PublicityCsv(Texts texts) {
    this.texts = texts;
  }

  byte[] render(List<PublicityEntry> entries) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CSVPrinter csv = new CSVPrinter(writer, CSVFormat.EXCEL)) {
      writer.write('\uFEFF');
      csv.printRecord(texts.message("publicity.csv.class"), texts.message("publicity.csv.student"),
          texts.message("publicity.csv.offerings"), texts.message("publicity.csv.endsAt"));
      for (PublicityEntry e : entries) {
        csv.printRecord(CsvCells.safe(e.className(), e.maskedName(), e.offerings(),
            e.publicityEndsAt() == null ? "" : ENDS_AT.format(e.publicityEndsAt())));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
