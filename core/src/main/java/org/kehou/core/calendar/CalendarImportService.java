package org.kehou.core.calendar;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.kehou.core.school.Term;
import org.kehou.core.text.StrictDecoding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * Imports a term's calendar from a CSV, all or nothing: the whole file is checked first and any bad row rejects it
 * untouched. Each row sets its day's entry, so importing the same file again changes nothing; days the file does not
 * name keep their entries. Read committed, as {@link CalendarService}'s changes.
 */
@Service
public class CalendarImportService {

  private static final Logger log = LoggerFactory.getLogger(CalendarImportService.class);
  private static final Charset GBK = Charset.forName("GBK");

  private final CalendarVocabulary words;
  private final CalendarMapper mapper;
  private final CalendarWriter writer;

  CalendarImportService(CalendarVocabulary words, CalendarMapper mapper, CalendarWriter writer) {
    this.words = words;
    this.mapper = mapper;
    this.writer = writer;
  }

  /** @throws CalendarRejectedException listing every bad row and column; nothing is written then */
  @Transactional(isolation = Isolation.READ_COMMITTED)
  public CalendarImportResult importCsv(long schoolId, long termId, byte[] file, long staffId) {
    CalendarImportResult result = apply(schoolId, termId, file, staffId, false);
    log.info("Imported a calendar for term {}: {} days added, {} changed, {} unchanged", termId, result.created(),
        result.changed(), result.unchanged());
    return result;
  }

  /**
   * What {@link #importCsv} would do, keeping none of it: the very same import runs and is rolled back, messages it
   * would queue included.
   */
  @Transactional(isolation = Isolation.READ_COMMITTED)
  public CalendarImportResult preview(long schoolId, long termId, byte[] file, long staffId) {
    CalendarImportResult result = apply(schoolId, termId, file, staffId, true);
    TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
    return result;
  }

  private CalendarImportResult apply(long schoolId, long termId, byte[] file, long staffId, boolean preview) {
    Term term = writer.term(schoolId, termId);
    Optional<String> text = decode(file);
    if (text.isEmpty()) {
      throw new CalendarRejectedException(List.of(new CalendarRowError(1, "", "BAD_ENCODING",
          words.text("calendar.error.BAD_ENCODING", Map.of()))));
    }
    CalendarCsv csv = new CalendarCsv(words, term);
    csv.parse(text.get());
    if (!csv.errors().isEmpty()) {
      List<CalendarRowError> errors = new ArrayList<>(csv.errors());
      errors.sort(Comparator.comparingInt(CalendarRowError::line));
      log.info("Rejected a calendar file for term {} with {} errors", termId, errors.size());
      throw new CalendarRejectedException(errors);
    }
    int created = 0;
    int changed = 0;
    int unchanged = 0;
    // In date order, the order the days' rows are locked in.
    List<CalendarCsv.Row> rows = new ArrayList<>(csv.rows());
    rows.sort(Comparator.comparing(row -> row.draft().date()));
    for (CalendarCsv.Row row : rows) {
      EntryDraft draft = row.draft();
      Optional<CalendarEntry> existing = mapper.lockOn(term.id(), draft.date());
      if (existing.isEmpty()) {
        writer.add(term, draft, staffId);
        created++;
      } else if (draft.sameDayAs(existing.get()) && Objects.equals(draft.note(), existing.get().note())) {
        unchanged++;
      } else {
        writer.change(term, existing.get(), draft, staffId);
        changed++;
      }
    }
    return new CalendarImportResult(created, changed, unchanged, preview);
  }

  /** As the roster import reads its files: UTF-8 with or without a BOM, else GBK (Excel's default in China). */
  static Optional<String> decode(byte[] bytes) {
    boolean bom = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
        && (bytes[2] & 0xFF) == 0xBF;
    ByteBuffer body = bom ? ByteBuffer.wrap(bytes, 3, bytes.length - 3) : ByteBuffer.wrap(bytes);
    Optional<String> utf8 = StrictDecoding.decode(StandardCharsets.UTF_8, body.duplicate());
    return utf8.isPresent() || bom ? utf8 : StrictDecoding.decode(GBK, body);
  }
}
