package org.kehou.core.archive;

import java.io.IOException;
import org.kehou.core.records.RecordsTexts;
import org.kehou.core.records.XlsxBook;
import org.kehou.core.records.XlsxSheet;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Every hand-over, going home alone and early leave of the term, corrections included and marked as such. */
@Component
@Order(90)
class HandoversPart implements ArchivePart {

  private final ArchiveRecordsMapper mapper;
  private final RecordsTexts texts;

  HandoversPart(ArchiveRecordsMapper mapper, RecordsTexts texts) {
    this.mapper = mapper;
    this.texts = texts;
  }

  @Override
  public String name() {
    return "handovers";
  }

  @Override
  public void write(ArchiveScope scope, ArchiveWriter out) throws IOException {
    out.file(texts.text("archive.handovers.file"), texts.text("archive.handovers.description"), zip -> {
      try (XlsxBook book = texts.book()) {
        XlsxSheet sheet = book.sheet(texts.text("archive.handovers.file").replaceAll(".*/|\\.xlsx$", ""),
            scope.school().name() + " " + scope.term().name() + " "
                + texts.text("archive.handovers.file").replaceAll(".*/|\\.xlsx$", ""),
            texts.list("archive.handovers.headers"), new int[] {9, 11, 12, 12, 10, 10, 10, 8, 17, 20, 10, 17, 9});
        for (ArchiveRecordsMapper.HandoverLine h : mapper.handovers(scope.term().id())) {
          String kind = "archive.handovers.kind." + h.kind();
          sheet.row(h.id(), h.date().toString(), h.offering(), h.className(), h.studentName(),
              texts.has(kind) ? texts.text(kind) : h.kind(), h.collectorName(), h.collectorRelation(),
              RecordsTexts.at(h.leftAt()), h.reason(), h.recordedBy(), RecordsTexts.at(h.recordedAt()), h.corrects());
        }
        book.write(zip);
        return sheet.rows();
      }
    });
  }
}
