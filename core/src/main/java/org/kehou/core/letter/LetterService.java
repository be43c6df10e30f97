package org.kehou.core.letter;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.kehou.core.cache.CacheEpochs;
import org.kehou.core.cache.EpochCache;
import org.kehou.core.cache.Region;
import org.kehou.core.school.School;
import org.kehou.core.school.CurrentTerms;
import org.kehou.core.school.SchoolMapper;
import org.kehou.core.school.Term;
import org.kehou.core.text.Texts;
import org.springframework.stereotype.Service;

/**
 * The term's notice letter (告家长书) and who has read it. The text depends only on the school and its term, so one
 * archived version serves every family of the term until the template or the term's facts change.
 */
@Service
public class LetterService {

  static final String TEMPLATE = "letter";
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
  private static final int KEPT_RENDERINGS = 256;
  private static final int CACHED_SCHOOLS = 1_000;

  private final SchoolMapper schools;
  private final CurrentTerms currentTerms;
  private final LetterMapper mapper;
  private final Texts texts;
  private final Clock clock;
  private final Map<RenderKey, Rendering> renderings = new ConcurrentHashMap<>();
  private final EpochCache<Long, Optional<School>> schoolsById;

  LetterService(SchoolMapper schools, CurrentTerms currentTerms, LetterMapper mapper, Texts texts, CacheEpochs epochs,
      Clock clock) {
    this.schools = schools;
    // The letter names the school: every 报名 needs the name, which changes only through a write of Region.TERMS.
    this.schoolsById = new EpochCache<>(epochs, Region.TERMS, CACHED_SCHOOLS);
    this.currentTerms = currentTerms;
    this.mapper = mapper;
    this.texts = texts;
    this.clock = clock;
  }

  /** The current term's letter, archived; empty when the school has no current or coming term. */
  public Optional<Letter> current(long schoolId) {
    return currentTerm(schoolId).map(term -> archive(term, render(schoolId, term)));
  }

  /** Records that this guardian read the current letter; true once a receipt exists (repeats change nothing). */
  public boolean acknowledge(long schoolId, long guardianId, String openid) {
    Optional<Letter> letter = current(schoolId);
    letter.ifPresent(l -> mapper.insertReceipt(l.versionId(), guardianId, openid));
    return letter.isPresent();
  }

  /** Whether the guardian read the letter as it reads today (a changed letter must be read again). */
  public boolean hasReadCurrent(long schoolId, Term term, long guardianId) {
    Rendering rendering = render(schoolId, term);
    return mapper.hasReceipt(term.id(), rendering.sha256(), guardianId);
  }

  public Optional<Term> currentTerm(long schoolId) {
    return currentTerms.of(schoolId);
  }

  private Letter archive(Term term, Rendering r) {
    mapper.archive(term.id(), r.version(), r.sha256(), r.text());
    long id = mapper.versionId(term.id(), r.sha256()).orElseThrow();
    return new Letter(id, term.id(), r.version(), r.sha256(), r.text());
  }

  /**
   * Every 报名 asks whether the letter was read as it reads today, so renderings are kept: the text depends on nothing
   * but the school's name and the term's facts (the key), and the templates do not change while Kehou runs.
   */
  private Rendering render(long schoolId, Term term) {
    School school = schoolsById.get(schoolId, () -> schools.findSchool(schoolId)).orElseThrow();
    RenderKey key = new RenderKey(school.name(), term);
    Rendering kept = renderings.get(key);
    if (kept != null) {
      return kept;
    }
    Texts.Rendered rendered = texts.document(TEMPLATE, values(texts, school.name(), term));
    Rendering rendering = new Rendering(rendered.version(), rendered.sha256(), rendered.text());
    if (renderings.size() >= KEPT_RENDERINGS) {
      renderings.clear();
    }
    renderings.put(key, rendering);
    return rendering;
  }

  private record RenderKey(String schoolName, Term term) {
  }

  /** The letter's facts: school and term only, nothing about a child, so one version serves the whole term. */
  static Map<String, Object> values(Texts texts, String schoolName, Term term) {
    String summer = term.summerStartsOn() == null || term.summerEndsOn() == null
        ? texts.message("letter.summer.unannounced")
        : texts.message("letter.summer.period", Map.of(
            "from", date(texts, term.summerStartsOn()), "to", date(texts, term.summerEndsOn())));
    return Map.of(
        "school", schoolName,
        "term", term.name(),
        "termStart", date(texts, term.startsOn()),
        "termEnd", date(texts, term.endsOn()),
        "sessionStart", TIME.format(term.sessionStartsAt()),
        "winterEnd", TIME.format(term.winterEndsAt()),
        "summerEnd", TIME.format(term.summerEndsAt()),
        "summerPeriod", summer,
        "fee", BigDecimal.valueOf(term.feePerLessonFen(), 2).toPlainString());
  }

  private static String date(Texts texts, LocalDate day) {
    return texts.message("letter.date", Map.of(
        "year", day.getYear(), "month", day.getMonthValue(), "day", day.getDayOfMonth()));
  }


  private record Rendering(String version, String sha256, String text) {
  }
}
