package org.kehou.bench;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Tells which template a reply came from, by the longest fixed stretch of each template's text (between placeholders
 * and line breaks), read from the templates module itself: the rush then checks each step's reply without copying the
 * bot's Chinese texts into the driver, and names the template of a wrong reply (help text, please-bind, try-again).
 */
final class ReplyTemplates {

  private static final int MIN_MARKER = 4;

  private final Map<String, String> markers;

  private ReplyTemplates(Map<String, String> markers) {
    this.markers = markers;
  }

  static ReplyTemplates load(Path messages) throws IOException {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(messages, StandardCharsets.UTF_8)) {
      properties.load(reader);
    }
    Map<String, String> markers = new HashMap<>();
    for (String key : properties.stringPropertyNames()) {
      String marker = "";
      for (String part : properties.getProperty(key).split("\\{[a-zA-Z][a-zA-Z0-9_.]*}|\n")) {
        if (part.length() > marker.length()) {
          marker = part;
        }
      }
      if (marker.length() >= MIN_MARKER) {
        markers.put(key, marker);
      }
    }
    return new ReplyTemplates(markers);
  }

  /** Whether the reply text reads as this template; a key unknown to the templates is a setup error. */
  boolean matches(String text, String key) {
    String marker = markers.get(key);
    if (marker == null) {
      throw new IllegalArgumentException("no template '" + key + "' with a fixed text to recognise");
    }
    return text.contains(marker);
  }

  /** The template the reply most likely came from (the longest marker it contains), for the error kinds. */
  String identify(String text) {
    String best = null;
    int length = 0;
    for (Map.Entry<String, String> e : markers.entrySet()) {
      if (e.getValue().length() > length && text.contains(e.getValue())) {
        best = e.getKey();
        length = e.getValue().length();
      }
    }
    return best == null ? "an unknown text" : best;
  }

  /** The text of a passive text reply, or null when the body is not one. */
  static String content(String body) {
    int start = body.indexOf("<Content><![CDATA[");
    int end = body.lastIndexOf("]]></Content>");
    if (start < 0 || end < start) {
      return null;
    }
    return body.substring(start + "<Content><![CDATA[".length(), end).replace("]]]]><![CDATA[>", "]]>");
  }
}
