package org.kehou.bot.notice;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kehou.core.notice.NoticeTexts;
import org.kehou.core.notice.ParentNotice;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Renders the notice page from {@code notice-page.html} in the templates module, where its markup and Chinese texts
 * live. Every value is HTML-escaped here, in one place; only the template's own fragments are inserted as markup.
 */
@Component
class NoticePage {

  private static final String TEMPLATE = "kehou/templates/zh-CN/notice-page.html";
  private static final Pattern FRAGMENT = Pattern.compile("^<!-- fragment: (\\w+) -->\\n", Pattern.MULTILINE);
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z]+)}");
  /** Placeholders that take another fragment of the template, never a value. */
  private static final Set<String> MARKUP = Set.of("notice", "mark", "deadline", "action");

  private final Map<String, String> fragments = load();
  private final NoticeTexts texts;

  NoticePage(NoticeTexts texts) {
    this.texts = texts;
  }

  /** @param confirmPath where the confirm button posts, relative to the page */
  String notice(ParentNotice notice, String confirmPath) {
    Map<String, String> values = new HashMap<>();
    values.put("title", notice.title());
    values.put("body", notice.body());
    values.put("children", texts.children(notice.children()));
    values.put("sender", notice.senderName());
    values.put("sentAt", texts.when(notice.sentAt()));
    values.put("mark", fragment(notice.urgent() ? "urgent" : "normal", Map.of()));
    values.put("deadline", notice.confirmBy() == null || notice.confirmed() ? ""
        : fragment("deadline", Map.of("deadline", texts.when(notice.confirmBy()))));
    values.put("action", notice.confirmed()
        ? fragment("confirmed", Map.of("confirmedAt", texts.when(notice.confirmedAt())))
        : fragment("confirm", Map.of("confirmPath", confirmPath)));
    return fragment("page", Map.of("pageTitle", notice.title(), "notice", fragment("notice", values)));
  }

  /** For a link that opens no notice: forged, mangled, or cut short when copied. */
  String missing() {
    String title = fragment("missingTitle", Map.of());
    return fragment("page", Map.of("pageTitle", title, "notice", fragment("missing", Map.of("pageTitle", title))));
  }

  private String fragment(String name, Map<String, String> values) {
    String template = fragments.get(name);
    if (template == null) {
      throw new IllegalStateException(TEMPLATE + " has no fragment " + name);
    }
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder(template.length() + 256);
    while (m.find()) {
      String value = values.get(m.group(1));
      if (value == null) {
        throw new IllegalArgumentException(TEMPLATE + " fragment " + name + " needs {" + m.group(1) + "}");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(
          MARKUP.contains(m.group(1)) ? value : HtmlUtils.htmlEscape(value, StandardCharsets.UTF_8.name())));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static Map<String, String> load() {
    String raw;
    try (InputStream in = NoticePage.class.getClassLoader().getResourceAsStream(TEMPLATE)) {
      if (in == null) {
        throw new IllegalStateException("Missing template resource " + TEMPLATE);
      }
      raw = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> fragments = new HashMap<>();
    Matcher m = FRAGMENT.matcher(raw);
    String name = null;
    int start = 0;
    while (m.find()) {
      if (name != null) {
        fragments.put(name, raw.substring(start, m.start()).stripTrailing());
      }
      name = m.group(1);
      start = m.end();
    }
    if (name != null) {
      fragments.put(name, raw.substring(start).stripTrailing());
    }
    return Map.copyOf(fragments);
  }
}
