package org.kehou.core.agreement;

import java.time.Clock;
import java.time.LocalDateTime;
import org.kehou.core.lifecycle.ApplicationRow;
import org.kehou.core.school.SchoolMapper;
import org.kehou.core.school.Term;
import org.kehou.core.text.Texts;
import org.springframework.stereotype.Component;

/** Renders the agreement for the seats an application holds now and archives that exact text (once per text). */
@Component
class AgreementArchive {

  private final AgreementMapper mapper;
  private final SchoolMapper schools;
  private final AgreementText agreementText;
  private final Clock clock;

  AgreementArchive(AgreementMapper mapper, SchoolMapper schools, AgreementText agreementText, Clock clock) {
    this.mapper = mapper;
    this.schools = schools;
    this.agreementText = agreementText;
    this.clock = clock;
  }

  /**
   * The archived document with the text for the seats held now. A text archived before (the same seats again, after
   * an added seat lapsed) is that earlier document: the text, and so its hash, is the same.
   */
  AgreementDocument archive(ApplicationRow row) {
    Term term = schools.findTerm(row.termId()).orElseThrow();
    Texts.Rendered rendered = agreementText.render(mapper.parties(row.id()), mapper.guardianNames(row.studentId()),
        term, mapper.seatedOfferings(row.id()));
    String sha = rendered.sha256();
    mapper.archive(row.id(), rendered.version(), sha, rendered.text(), LocalDateTime.now(clock));
    return mapper.document(row.id(), sha);
  }
}
