package org.kehou.core.pickup;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a guardian types after {@code 接送人 添加}: a name, the relation to the child and a mainland mobile number, in
 * any order as long as the name comes before the relation ({@code 张阿姨 保姆 13812345678}).
 */
record NewPickupAdult(String name, String relation, String phone) {

  static final int MAX_NAME = 20;
  static final int MAX_RELATION = 10;
  private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
  private static final Pattern SEPARATORS = Pattern.compile("[\\s\\u3000,，、;；]+");
  private static final Pattern DIGIT_GROUPS = Pattern.compile("(?<=\\d)[\\s\\u3000-]+(?=\\d)");
  private static final Pattern HAS_DIGIT = Pattern.compile(".*\\d.*");

  static NewPickupAdult read(String text) {
    List<String> words = new ArrayList<>();
    String phone = null;
    // A number typed in groups (138 1234 5678, 138-1234-5678) is one number.
    String joined = DIGIT_GROUPS.matcher(text == null ? "" : text.strip()).replaceAll("");
    for (String token : SEPARATORS.split(joined)) {
      String digits = token.replaceFirst("^\\+?86", "");
      if (MOBILE.matcher(digits).matches() && phone == null) {
        phone = digits;
      } else if (!token.isEmpty()) {
        words.add(token);
      }
    }
    if (phone == null || words.size() != 2 || words.stream().anyMatch(w -> HAS_DIGIT.matcher(w).matches())
        || words.get(0).length() > MAX_NAME || words.get(1).length() > MAX_RELATION) {
      throw new PickupRefused(PickupRefused.Kind.UNREADABLE, Map.of());
    }
    return new NewPickupAdult(words.get(0), words.get(1), phone);
  }
}
