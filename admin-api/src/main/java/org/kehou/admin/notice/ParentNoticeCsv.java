package org.kehou.admin.notice;

import java.util.List;
import org.kehou.admin.web.CsvSheet;
import org.kehou.core.notice.UnconfirmedFamily;
import org.kehou.core.text.Texts;
import org.springframework.stereotype.Component;

/** The families to phone about a notice nobody confirmed, as a sheet. */
@Component
class ParentNoticeCsv {

  private final Texts texts;

  ParentNoticeCsv(Texts texts) {
    this.texts = texts;
  }

  byte[] render(List<UnconfirmedFamily> families) {
    return CsvSheet.of(List.of(texts.message("parentNotice.csv.header").split(",")), families.stream()
        .map(f -> new Object[] {f.className(), f.studentName(), f.guardianName(), f.relation(), f.phone(),
            f.delivery()})
        .toList());
  }
}
