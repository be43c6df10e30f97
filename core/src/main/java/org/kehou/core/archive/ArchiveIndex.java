package org.kehou.core.archive;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.kehou.core.records.RecordsTexts;
import org.springframework.stereotype.Component;

/**
 * The archive's index, {@code 索引.csv}: every other file with what it holds and how many rows, in UTF-8 with a byte
 * order mark so that Excel reads the Chinese.
 */
@Component
class ArchiveIndex {

  private final RecordsTexts texts;

  ArchiveIndex(RecordsTexts texts) {
    this.texts = texts;
  }

  void write(ArchiveScope scope, ArchiveWriter zip) throws IOException {
    List<ArchiveWriter.Entry> entries = zip.entries();
    zip.file(texts.text("archive.index.file"), "", out -> {
      Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
      writer.write('\uFEFF');
      CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT);
      csv.printRecord(texts.text("archive.index.title", Map.of("school", scope.school().name(), "term",
          scope.term().name(), "at", RecordsTexts.at(scope.builtAt()))));
      csv.printRecord(texts.list("archive.index.headers"));
      for (ArchiveWriter.Entry e : entries) {
        csv.printRecord(e.path(), e.description(), e.rows());
      }
      csv.flush();
      return entries.size();
    });
  }
}
