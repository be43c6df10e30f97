package org.kehou.bot.outbox;

import java.util.Map;

/**
 * WeChat refuses a template message (47003) when a value breaks its field type's limit, so values are shortened to
 * fit: text types end in an ellipsis; types whose character set has no ellipsis (digits, letters, 5 Chinese
 * characters) are cut. A field key is its type followed by a number: {@code thing1}, {@code character_string3}.
 */
final class TemplateValues {

  private static final String ELLIPSIS = "…";
  /** Maximum length in characters of each field type, from WeChat's template documentation. */
  private static final Map<String, Integer> LIMITS = Map.ofEntries(
      Map.entry("thing", 20), Map.entry("short_thing", 5), Map.entry("name", 10), Map.entry("const", 20),
      Map.entry("phrase", 5), Map.entry("character_string", 32), Map.entry("number", 32), Map.entry("letter", 32),
      Map.entry("symbol", 5), Map.entry("phone_number", 17), Map.entry("car_number", 8), Map.entry("amount", 11),
      Map.entry("time", 20), Map.entry("date", 20));
  private static final java.util.Set<String> WITH_ELLIPSIS = java.util.Set.of("thing", "short_thing", "name", "const");
  /** An unknown type gets the strictest text limit that is still useful. */
  private static final int UNKNOWN_LIMIT = 20;

  private TemplateValues() {
  }

  static String fit(String key, String value) {
    String type = key.replaceAll("[0-9]+$", "");
    int limit = LIMITS.getOrDefault(type, UNKNOWN_LIMIT);
    String text = value == null ? "" : value.strip();
    if (text.codePointCount(0, text.length()) <= limit) {
      return text;
    }
    boolean ellipsis = WITH_ELLIPSIS.contains(type) || !LIMITS.containsKey(type);
    int keep = ellipsis ? limit - 1 : limit;
    String cut = text.substring(0, text.offsetByCodePoints(0, keep));
    return ellipsis ? cut + ELLIPSIS : cut;
  }
}
