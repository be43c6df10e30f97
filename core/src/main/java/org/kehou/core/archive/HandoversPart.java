package org.kehou.core.archive;

import java.io.IOException;
import java.util.List;
import org.kehou.core.records.RecordsTexts;
import org.kehou.core.records.XlsxBook;
import org.kehou.core.records.XlsxSheet;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Every hand-over, going home alone and early leave of the term, in the order recorded, corrections included and
 * marked as such.
 */
@Component
@Order(90)
class HandoversPart implements ArchivePart {

  private static final int PAGE = 5000;

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
        // A term has a hand-over per child and day: read a page at a time, so the rows never sit in memory whole.
        for (long after = 0; ; ) {
          List<ArchiveRecordsMapper.HandoverLine> page = mapper.handovers(scope.term().id(), after, PAGE);
          for (ArchiveRecordsMapper.HandoverLine h : page) {
            String kind = "archive.handovers.kind." + h.kind();
            sheet.row(h.id(), h.date().toString(), h.offering(), h.className(), h.studentName(),
                texts.has(kind) ? texts.text(kind) : h.kind(), h.collectorName(), h.collectorRelation(),
                RecordsTexts.at(h.leftAt()), h.reason(), h.recordedBy(), RecordsTexts.at(h.recordedAt()),
                h.corrects());
            after = h.id();
          }
          if (page.size() < PAGE) {
            break;
          }
        }
        book.write(zip);
        return sheet.rows();
      }
    });
  }
}
