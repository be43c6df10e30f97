package org.kehou.bot.wechat;

import static org.kehou.bot.wechat.FlatXml.refused;

/** The character-level rules of XML that {@link FlatXml} applies: names, references, allowed characters, line ends. */
final class XmlChars {

  private XmlChars() {
  }

  static boolean isNameChar(char c, boolean first) {
    if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == ':' || c > 0x7F) {
      return c != '\uFFFE' && c != '\uFFFF';
    }
    return !first && (c >= '0' && c <= '9' || c == '-' || c == '.');
  }

  /** What {@code &ref;} stands for: XML's five entities and character references; anything else is refused. */
  static int resolve(String ref) {
    switch (ref) {
      case "lt": return '<';
      case "gt": return '>';
      case "amp": return '&';
      case "quot": return '"';
      case "apos": return '\'';
      default: break;
    }
    if (!ref.startsWith("#")) {
      throw refused("entities are refused");
    }
    boolean hex = ref.startsWith("#x");
    String digits = ref.substring(hex ? 2 : 1);
    if (digits.isEmpty() || digits.length() > 7) {
      throw refused("malformed character reference");
    }
    int codePoint = 0;
    for (int i = 0; i < digits.length(); i++) {
      int digit = digit(digits.charAt(i), hex);
      if (digit < 0) {
        throw refused("malformed character reference");
      }
      codePoint = codePoint * (hex ? 16 : 10) + digit;
    }
    if (!isXmlChar(codePoint)) {
      throw refused("character reference out of range");
    }
    return codePoint;
  }

  // ASCII only: Character.digit would also take full-width and other scripts' digits, which XML does not.
  private static int digit(char c, boolean hex) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (hex && c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    return hex && c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
  }

  /** Appends {@code xml[from, to)}, reading CR LF and a lone CR as LF as XML does. */
  static void appendNormalised(StringBuilder text, String xml, int from, int to) {
    check(xml, from, to);
    for (int i = from; i < to; i++) {
      char c = xml.charAt(i);
      if (c == '\r') {
        text.append('\n');
        if (i + 1 < to && xml.charAt(i + 1) == '\n') {
          i++;
        }
      } else {
        text.append(c);
      }
    }
  }

  /** Refuses control characters and the two non-characters XML forbids in text. */
  static void check(String xml, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = xml.charAt(i);
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == '\uFFFE' || c == '\uFFFF') {
        throw refused("control character in text");
      }
    }
  }

  private static boolean isXmlChar(int c) {
    return c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD
        || c >= 0x10000 && c <= 0x10FFFF;
  }
}
