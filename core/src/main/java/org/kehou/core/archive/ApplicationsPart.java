package org.kehou.core.archive;

import java.io.IOException;
import org.kehou.core.records.RecordsTexts;
import org.kehou.core.records.XlsxBook;
import org.kehou.core.records.XlsxSheet;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The term's applications and every step of their review (class teacher, school, publicity, agreement, end). */
@Component
@Order(10)
class ApplicationsPart implements ArchivePart {

  private final ArchiveRecordsMapper mapper;
  private final RecordsTexts texts;

  ApplicationsPart(ArchiveRecordsMapper mapper, RecordsTexts texts) {
    this.mapper = mapper;
    this.texts = texts;
  }

  @Override
  public String name() {
    return "applications";
  }

  @Override
  public void write(ArchiveScope scope, ArchiveWriter out) throws IOException {
    String title = scope.school().name() + " " + scope.term().name() + " ";
    out.file(texts.text("archive.applications.file"), texts.text("archive.applications.description"), zip -> {
      try (XlsxBook book = texts.book()) {
        XlsxSheet apps = book.sheet(texts.text("archive.applications.sheet"),
            title + texts.text("archive.applications.sheet"), texts.list("archive.applications.headers"),
            new int[] {10, 12, 10, 12, 17, 30, 17, 17});
        for (ArchiveRecordsMapper.ApplicationLine a : mapper.applications(scope.term().id())) {
          apps.row(a.id(), a.className(), a.studentName(), state(a.state()), RecordsTexts.at(a.submittedAt()),
              choices(a.choices()), RecordsTexts.at(a.publicityStartsAt()), RecordsTexts.at(a.publicityEndsAt()));
        }
        XlsxSheet history = book.sheet(texts.text("archive.applications.historySheet"),
            title + texts.text("archive.applications.historySheet"),
            texts.list("archive.applications.historyHeaders"), new int[] {10, 10, 12, 12, 10, 12, 30, 17});
        for (ArchiveRecordsMapper.HistoryLine h : mapper.history(scope.term().id())) {
          history.row(h.applicationId(), h.studentName(), h.fromState() == null ? null : state(h.fromState()),
              state(h.toState()), actor(h.actorKind()), h.actorName(), h.reason(), RecordsTexts.at(h.at()));
        }
        book.write(zip);
        return apps.rows() + history.rows();
      }
    });
  }

  private String state(String state) {
    String key = "api.review.state." + state;
    return texts.has(key) ? texts.text(key) : state;
  }

  private String actor(String kind) {
    String key = "archive.actor." + kind;
    return texts.has(key) ? texts.text(key) : kind;
  }

  /** 围棋=SEATED;书法=WAITLISTED → 围棋（已占名额）、书法（候补）. */
  private String choices(String raw) {
    if (raw == null) {
      return null;
    }
    StringBuilder out = new StringBuilder();
    for (String pair : raw.split(";")) {
      int eq = pair.lastIndexOf('=');
      String status = pair.substring(eq + 1);
      String key = "archive.choice." + status;
      out.append(out.length() == 0 ? "" : "、").append(pair, 0, eq).append('（')
          .append(texts.has(key) ? texts.text(key) : status).append('）');
    }
    return out.toString();
  }
}
