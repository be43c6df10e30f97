package org.kehou.core.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Renders every text a parent or teacher reads from the templates module (zh-CN).
 * Short messages live in {@code messages.properties} (what parents read in WeChat) and {@code staff.properties} (what
 * teachers read: API error reasons, printed sheets) and {@code records.properties} (the attendance sheets, statistics, the
 * term archive and the yearly report), keys never shared between them; long documents (the letter, the agreement) in their own
 * {@code <name>.txt} whose first line is {@code version: <v>}. Placeholders are {@code {name}}; a missing value is an
 * error rather than a blank, so a parent never reads a half-filled text.
 */
@Component
public class Texts {

  private static final String BASE = "kehou/templates/zh-CN/";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z][a-zA-Z0-9_.]*)}");

  private final Properties messages = load(BASE + "messages.properties", BASE + "staff.properties",
      BASE + "records.properties");
  private final Map<String, Document> documents = new ConcurrentHashMap<>();

  /** A short message by key, e.g. {@code texts.message("bind.success", Map.of("child", "王小明"))}. */
  public String message(String key, Map<String, ?> values) {
    String template = messages.getProperty(key);
    if (template == null) {
      throw new IllegalArgumentException("No message template '" + key + "'");
    }
    return fill(key, template, values);
  }

  public String message(String key) {
    return message(key, Map.of());
  }

  /** Whether a short message with this key exists (for texts chosen by a code, with a general one as fallback). */
  public boolean has(String key) {
    return messages.containsKey(key);
  }

  /** An offering's weekdays as parents read them; bit 0 = Monday, so 0b10101 reads 一、三、五. */
  public String weekdays(int mask) {
    String[] names = message("common.weekdays").split(",");
    StringBuilder days = new StringBuilder();
    for (int bit = 0; bit < names.length; bit++) {
      if ((mask & (1 << bit)) != 0) {
        days.append(days.length() == 0 ? "" : message("common.weekday.separator")).append(names[bit]);
      }
    }
    return days.toString();
  }

  /** A long document (letter, agreement) with its template version, for archiving what exactly was shown. */
  public Rendered document(String name, Map<String, ?> values) {
    Document doc = documents.computeIfAbsent(name, Texts::loadDocument);
    return new Rendered(name, doc.version(), fill(name, doc.body(), values));
  }

  static String fill(String name, String template, Map<String, ?> values) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder(template.length() + 64);
    while (m.find()) {
      Object value = values.get(m.group(1));
      if (value == null) {
        throw new IllegalArgumentException("Template '" + name + "' needs a value for {" + m.group(1) + "}");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value.toString()));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static Document loadDocument(String name) {
    String raw;
    try (InputStream in = open(BASE + name + ".txt")) {
      raw = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int eol = raw.indexOf('\n');
    String first = eol < 0 ? raw : raw.substring(0, eol);
    if (!first.startsWith("version:")) {
      throw new IllegalStateException("Template " + name + " must start with a 'version:' line");
    }
    return new Document(first.substring("version:".length()).trim(), raw.substring(eol + 1).stripTrailing() + "\n");
  }

  private static Properties load(String... paths) {
    Properties all = new Properties();
    for (String path : paths) {
      try (InputStream in = open(path); Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
        all.load(reader);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return all;
  }

  private static InputStream open(String path) {
    InputStream in = Texts.class.getClassLoader().getResourceAsStream(path);
    if (in == null) {
      throw new IllegalStateException("Missing template resource " + path);
    }
    return in;
  }

  private record Document(String version, String body) {
  }

  /** A rendered document: its name, the template version and the exact text shown. */
  public record Rendered(String name, String version, String text) {

    /** What receipts and signatures refer to: the hex SHA-256 of exactly this text. */
    public String sha256() {
      return Texts.sha256(text);
    }
  }

  /** Hex SHA-256 of the UTF-8 text; used to archive and later re-check what a parent was shown. */
  public static String sha256(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
