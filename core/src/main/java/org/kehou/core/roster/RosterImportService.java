package org.kehou.core.roster;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * Imports a school's roster CSV all or nothing: the whole file is checked first and any error rejects it untouched;
 * a valid file is upserted in one transaction, so importing the same file twice changes nothing. The file is the whole
 * roster of the classes it names: links it no longer has are removed (see {@link RosterRemovals}).
 */
@Service
public class RosterImportService {

  private static final Logger log = LoggerFactory.getLogger(RosterImportService.class);

  private final RosterVocabulary words;
  private final RosterWriter writer;

  RosterImportService(RosterVocabulary words, RosterWriter writer) {
    this.words = words;
    this.writer = writer;
  }

  /**
   * @throws RosterRejectedException listing every bad row when anything is wrong; nothing is written then
   */
  @Transactional
  public RosterImportResult importCsv(long schoolId, byte[] file) {
    RosterImportResult result = apply(schoolId, file);
    log.info("Imported a roster for school {}: {} pupils and {} guardians created, {} and {} updated, {} links removed",
        schoolId, result.studentsCreated(), result.guardiansCreated(), result.studentsUpdated(),
        result.guardiansUpdated(), result.linksRemoved().size());
    return result;
  }

  /**
   * What {@link #importCsv} would do with this file, keeping none of it: the very same import runs and its transaction
   * is rolled back, so the preview cannot disagree with the import (nor does any cache see it).
   *
   * @throws RosterRejectedException as the import would
   */
  @Transactional
  public RosterImportResult preview(long schoolId, byte[] file) {
    RosterImportResult result = apply(schoolId, file);
    TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
    return result.asPreview();
  }

  private RosterImportResult apply(long schoolId, byte[] file) {
    Optional<String> text = RosterDecoder.decode(file);
    if (text.isEmpty()) {
      throw new RosterRejectedException(List.of(
          new RosterError(1, "", "BAD_ENCODING", words.text("roster.error.BAD_ENCODING", Map.of()))));
    }
    RosterParser parser = new RosterParser(words);
    parser.parse(text.get());
    RosterConsistency.check(parser.rows(), parser);
    if (!parser.errors().isEmpty()) {
      List<RosterError> errors = new ArrayList<>(parser.errors());
      errors.sort(Comparator.comparingInt(RosterError::line));
      log.info("Rejected a roster file for school {} with {} errors", schoolId, errors.size());
      throw new RosterRejectedException(errors);
    }
    return writer.write(schoolId, parser.rows());
  }
}
