package org.kehou.core.roster;

import java.util.Locale;
import java.util.Map;
import org.kehou.core.text.Texts;
import org.springframework.stereotype.Component;

/** The Chinese words a roster file may use (headers, priorities, grade numerals), kept in the templates. */
@Component
class RosterVocabulary {

  private final Texts texts;

  RosterVocabulary(Texts texts) {
    this.texts = texts;
  }

  String header(RosterColumn column) {
    return texts.message(column.textKey());
  }

  String text(String key, Map<String, ?> values) {
    return texts.message(key, values);
  }

  /** Empty means none; null means the word is not a priority. */
  Priority priority(String value) {
    if (value.isEmpty()) {
      return Priority.NONE;
    }
    for (Priority p : Priority.values()) {
      String english = p.name().toLowerCase(Locale.ROOT).replace('_', '-');
      if (value.equals(texts.message("roster.priority." + p.name())) || value.equalsIgnoreCase(english)) {
        return p;
      }
    }
    return null;
  }

  /** 1..6 from the grade's leading numeral (三年级, 3年级, 3), or 0 when there is none. */
  int gradeLevel(String grade) {
    if (grade.isEmpty()) {
      return 0;
    }
    char first = grade.charAt(0);
    if (grade.length() > 1 && Character.isDigit(grade.charAt(1))) {
      return 0;
    }
    if (first >= '1' && first <= '6') {
      return first - '0';
    }
    int numeral = texts.message("roster.grade.numerals").indexOf(first);
    boolean followedByNumeral = grade.length() > 1
        && texts.message("roster.grade.numerals").indexOf(grade.charAt(1)) >= 0;
    return numeral >= 0 && !followedByNumeral ? numeral + 1 : 0;
  }
}
