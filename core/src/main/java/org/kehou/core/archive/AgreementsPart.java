package org.kehou.core.archive;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kehou.core.records.RecordsTexts;
import org.kehou.core.records.XlsxBook;
import org.kehou.core.records.XlsxSheet;
import org.kehou.core.text.Texts;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The signed agreements: each signature with the hash stored at signing and the hash of the archived text now, every
 * signed text as its own file named by its hash, a {@code SHA256SUMS.txt} that {@code sha256sum -c} checks, and a
 * README on how to re-check by hand. The texts go into the ZIP only, never into a log.
 */
@Component
@Order(20)
class AgreementsPart implements ArchivePart {

  private static final int PAGE = 200;

  private final ArchiveRecordsMapper mapper;
  private final RecordsTexts texts;

  AgreementsPart(ArchiveRecordsMapper mapper, RecordsTexts texts) {
    this.mapper = mapper;
    this.texts = texts;
  }

  @Override
  public String name() {
    return "agreements";
  }

  @Override
  public void write(ArchiveScope scope, ArchiveWriter out) throws IOException {
    long termId = scope.term().id();
    String folder = texts.text("archive.agreements.texts");
    StringBuilder sums = new StringBuilder();
    Set<String> written = new LinkedHashSet<>();
    Map<Long, String> recomputed = new HashMap<>();
    for (long after = 0; ; ) {
      List<ArchiveRecordsMapper.DocumentText> page = mapper.signedTexts(termId, after, PAGE);
      for (ArchiveRecordsMapper.DocumentText d : page) {
        String now = Texts.sha256(d.body());
        recomputed.put(d.id(), now);
        // The file is named by the hash the text has now, so that the sums file checks the text itself.
        if (written.add(now)) {
          byte[] bytes = d.body().getBytes(StandardCharsets.UTF_8);
          out.file(folder + now + ".txt", texts.text("archive.agreements.textDescription"),
              zip -> {
                zip.write(bytes);
                return 1;
              });
          sums.append(now).append("  ").append(folder.substring(folder.indexOf('/') + 1)).append(now)
              .append(".txt\n");
        }
        after = d.id();
      }
      if (page.size() < PAGE) {
        break;
      }
    }
    List<ArchiveRecordsMapper.SignatureLine> signatures = mapper.signatures(termId);
    out.file(texts.text("archive.agreements.file"), texts.text("archive.agreements.description"), zip -> {
      try (XlsxBook book = texts.book()) {
        XlsxSheet sheet = book.sheet(texts.text("archive.agreements.sheet"), scope.school().name() + " "
            + scope.term().name() + " " + texts.text("archive.agreements.sheet"),
            texts.list("archive.agreements.headers"), new int[] {10, 10, 10, 12, 10, 17, 10, 66, 66, 8, 30});
        for (ArchiveRecordsMapper.SignatureLine s : signatures) {
          String now = recomputed.get(s.documentId());
          sheet.row(s.id(), s.applicationId(), s.studentName(), s.className(), s.guardianName(),
              RecordsTexts.at(s.signedAt()), s.templateVersion(), s.sha256(), now,
              texts.text(s.sha256().equals(now) ? "archive.agreements.match" : "archive.agreements.mismatch"),
              now == null ? null : folder.substring(folder.indexOf('/') + 1) + now + ".txt");
        }
        book.write(zip);
        return sheet.rows();
      }
    });
    out.text(texts.text("archive.agreements.sums"), texts.text("archive.agreements.sumsDescription"),
        sums.toString(), written.size());
    out.text(texts.text("archive.agreements.readme"), texts.text("archive.agreements.readmeDescription"),
        texts.text("archive.agreements.readmeText"), 0);
  }
}
