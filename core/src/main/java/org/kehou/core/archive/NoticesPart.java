package org.kehou.core.archive;

import java.io.IOException;
import org.kehou.core.records.RecordsTexts;
import org.kehou.core.records.XlsxBook;
import org.kehou.core.records.XlsxSheet;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The notices sent to parents during the term, with how many children and families confirmed them. */
@Component
@Order(100)
class NoticesPart implements ArchivePart {

  private final ArchiveRecordsMapper mapper;
  private final RecordsTexts texts;

  NoticesPart(ArchiveRecordsMapper mapper, RecordsTexts texts) {
    this.mapper = mapper;
    this.texts = texts;
  }

  @Override
  public String name() {
    return "notices";
  }

  @Override
  public void write(ArchiveScope scope, ArchiveWriter out) throws IOException {
    out.file(texts.text("archive.notices.file"), texts.text("archive.notices.description"), zip -> {
      try (XlsxBook book = texts.book()) {
        String name = texts.text("archive.notices.file").replaceAll(".*/|\\.xlsx$", "");
        XlsxSheet sheet = book.sheet(name, scope.school().name() + " " + scope.term().name() + " " + name,
            texts.list("archive.notices.headers"), new int[] {9, 17, 10, 14, 22, 50, 7, 17, 7, 8, 10, 8, 10});
        for (ArchiveRecordsMapper.NoticeLine n : mapper.notices(scope.school().id(),
            scope.term().startsOn().atStartOfDay(), scope.term().endsOn().plusDays(1).atStartOfDay())) {
          sheet.row(n.id(), RecordsTexts.at(n.createdAt()), n.sender(), n.audience(), n.title(), n.body(),
              yes(n.confirmRequired()), RecordsTexts.at(n.confirmBy()), yes(n.urgent()), n.children(),
              n.confirmedChildren(), n.families(), n.confirmedFamilies());
        }
        book.write(zip);
        return sheet.rows();
      }
    });
  }

  private String yes(boolean value) {
    return texts.text(value ? "archive.yes" : "archive.no");
  }
}
