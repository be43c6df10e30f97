package org.kehou.core.archive;

import java.io.IOException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.kehou.core.publicity.PublicityEntry;
import org.kehou.core.records.RecordsTexts;
import org.kehou.core.records.XlsxBook;
import org.kehou.core.records.XlsxSheet;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The publicity lists (公示) as the school published them: every application that went into publicity this term,
 * names masked as on the public list, never a priority flag; and the objections raised with how they were resolved.
 */
@Component
@Order(30)
class PublicityPart implements ArchivePart {

  private final ArchiveRecordsMapper mapper;
  private final RecordsTexts texts;

  PublicityPart(ArchiveRecordsMapper mapper, RecordsTexts texts) {
    this.mapper = mapper;
    this.texts = texts;
  }

  @Override
  public String name() {
    return "publicity";
  }

  @Override
  public void write(ArchiveScope scope, ArchiveWriter out) throws IOException {
    String title = scope.school().name() + " " + scope.term().name() + " ";
    out.file(texts.text("archive.publicity.file"), texts.text("archive.publicity.description"), zip -> {
      try (XlsxBook book = texts.book()) {
        XlsxSheet list = book.sheet(texts.text("archive.publicity.sheet"), title + texts.text("archive.publicity.sheet"),
            texts.list("archive.publicity.headers"), new int[] {10, 12, 10, 30, 17, 17, 12});
        for (ArchiveRecordsMapper.ApplicationLine a : mapper.applications(scope.term().id())) {
          if (a.publicityStartsAt() != null) {
            list.row(a.id(), a.className(), PublicityEntry.mask(a.studentName()), offerings(a.choices()),
                RecordsTexts.at(a.publicityStartsAt()), RecordsTexts.at(a.publicityEndsAt()), state(a.state()));
          }
        }
        XlsxSheet objections = book.sheet(texts.text("archive.publicity.objectionSheet"),
            title + texts.text("archive.publicity.objectionSheet"), texts.list("archive.publicity.objectionHeaders"),
            new int[] {10, 10, 30, 10, 17, 10, 30, 10, 17});
        for (ArchiveRecordsMapper.ObjectionLine o : mapper.objections(scope.term().id())) {
          objections.row(o.applicationId(), PublicityEntry.mask(o.studentName()), o.reason(), o.recordedBy(),
              RecordsTexts.at(o.recordedAt()), o.resolution(), o.resolutionNote(), o.resolvedBy(),
              RecordsTexts.at(o.resolvedAt()));
        }
        book.write(zip);
        return list.rows() + objections.rows();
      }
    });
  }

  private String state(String state) {
    String key = "api.review.state." + state;
    return texts.has(key) ? texts.text(key) : state;
  }

  private static String offerings(String choices) {
    return choices == null ? null : Stream.of(choices.split(";")).map(p -> p.substring(0, p.lastIndexOf('=')))
        .collect(Collectors.joining("、"));
  }
}
