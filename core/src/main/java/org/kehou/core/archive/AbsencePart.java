package org.kehou.core.archive;

import java.io.IOException;
import org.kehou.core.records.RecordsTexts;
import org.kehou.core.records.XlsxBook;
import org.kehou.core.records.XlsxSheet;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The absence cases of the term's sessions with their outcomes, and each case's timeline. */
@Component
@Order(80)
class AbsencePart implements ArchivePart {

  private final ArchiveRecordsMapper mapper;
  private final RecordsTexts texts;

  AbsencePart(ArchiveRecordsMapper mapper, RecordsTexts texts) {
    this.mapper = mapper;
    this.texts = texts;
  }

  @Override
  public String name() {
    return "absence-cases";
  }

  @Override
  public void write(ArchiveScope scope, ArchiveWriter out) throws IOException {
    String title = scope.school().name() + " " + scope.term().name() + " ";
    out.file(texts.text("archive.absence.file"), texts.text("archive.absence.description"), zip -> {
      try (XlsxBook book = texts.book()) {
        XlsxSheet cases = book.sheet(texts.text("archive.absence.sheet"), title + texts.text("archive.absence.sheet"),
            texts.list("archive.absence.headers"), new int[] {9, 11, 12, 12, 10, 17, 17, 17, 10, 16, 30});
        for (ArchiveRecordsMapper.CaseLine c : mapper.cases(scope.term().id())) {
          cases.row(c.id(), c.date().toString(), c.offering(), c.className(), c.studentName(),
              RecordsTexts.at(c.openedAt()), RecordsTexts.at(c.escalatedAt()), RecordsTexts.at(c.closedAt()),
              c.closedBy(), c.outcome() == null ? null : text("archive.absence.outcome.", c.outcome()),
              c.outcomeNote());
        }
        XlsxSheet events = book.sheet(texts.text("archive.absence.timelineSheet"),
            title + texts.text("archive.absence.timelineSheet"), texts.list("archive.absence.timelineHeaders"),
            new int[] {9, 10, 17, 12, 10, 10, 40});
        for (ArchiveRecordsMapper.CaseEventLine e : mapper.caseEvents(scope.term().id())) {
          events.row(e.caseId(), e.studentName(), RecordsTexts.at(e.at()), text("archive.absence.event.", e.kind()),
              e.staffName(), e.guardianName(), e.text());
        }
        book.write(zip);
        return cases.rows() + events.rows();
      }
    });
  }

  private String text(String prefix, String code) {
    return texts.has(prefix + code) ? texts.text(prefix + code) : code;
  }
}
