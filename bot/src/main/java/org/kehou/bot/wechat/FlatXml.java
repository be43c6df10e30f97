package org.kehou.bot.wechat;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * A strict reader for the one shape WeChat posts: a root element whose children carry text or CDATA. It knows no DTD
 * and no entity beyond XML's five and character references, so there is nothing to expand or fetch; anything that is
 * not well-formed XML of that shape is refused, and so is a field that comes twice. Children's own children (event
 * details) are checked and skipped. Every search ends where the reader goes on from, or in a refusal, so the work stays
 * linear in the input's length whatever it holds.
 * Written by hand because building a JDK StAX reader per message cost more than the rest of the parse.
 */
final class FlatXml {

  private final String xml;
  private int at;
  private boolean selfClosing;

  private FlatXml(String xml) {
    this.xml = xml;
  }

  /**
   * The root's children by name, their text with references resolved and CDATA joined.
   *
   * @throws IllegalArgumentException naming what is wrong (never echoing the input)
   */
  static Map<String, String> topLevelFields(String xml) {
    return new FlatXml(xml).read();
  }

  private Map<String, String> read() {
    if (xml.startsWith("\uFEFF")) {
      at = 1;
    }
    skipMisc();
    if (xml.startsWith("<!DOCTYPE", at)) {
      throw refused("DTDs are refused");
    }
    if (!xml.startsWith("<", at) || xml.startsWith("<!", at)) {
      throw refused("no root element");
    }
    String root = startTag();
    Map<String, String> fields = new HashMap<>();
    if (!selfClosing) {
      readChildren(root, fields);
    }
    skipMisc();
    if (at != xml.length()) {
      throw refused("content after the root element");
    }
    return fields;
  }

  private void readChildren(String root, Map<String, String> fields) {
    while (true) {
      int lt = xml.indexOf('<', at);
      if (lt < 0) {
        throw refused("root element not closed");
      }
      if (!xml.substring(at, lt).isBlank()) {
        throw refused("text outside the fields");
      }
      at = lt;
      if (xml.startsWith("</", at)) {
        expectEndTag(root);
        return;
      }
      if (!skipCommentOrInstruction()) {
        if (xml.startsWith("<!", at)) {
          throw refused("DTDs and CDATA are not expected between fields");
        }
        String name = startTag();
        // One message has each field once; a second copy could make two readers of one body see two messages.
        if (fields.put(name, selfClosing ? "" : text(name)) != null) {
          throw refused("repeated element");
        }
      }
    }
  }

  /** The element's text up to its end tag; nested elements are checked for balance and their text dropped. */
  private String text(String name) {
    StringBuilder text = new StringBuilder();
    Deque<String> open = new ArrayDeque<>();
    while (true) {
      if (at >= xml.length()) {
        throw refused("element not closed");
      }
      char c = xml.charAt(at);
      if (c == '<') {
        if (xml.startsWith("<![CDATA[", at)) {
          int end = xml.indexOf("]]>", at + 9);
          if (end < 0) {
            throw refused("CDATA not closed");
          }
          if (open.isEmpty()) {
            XmlChars.appendNormalised(text, xml, at + 9, end);
          }
          at = end + 3;
        } else if (xml.startsWith("</", at)) {
          if (open.isEmpty()) {
            expectEndTag(name);
            return text.toString();
          }
          expectEndTag(open.pop());
        } else if (!skipCommentOrInstruction()) {
          if (xml.startsWith("<!", at)) {
            throw refused("DTDs and entities are refused");
          }
          String nested = startTag();
          if (!selfClosing) {
            open.push(nested);
          }
        }
      } else if (c == '&') {
        int codePoint = reference();
        if (open.isEmpty()) {
          text.appendCodePoint(codePoint);
        }
      } else {
        int end = at;
        while (end < xml.length() && xml.charAt(end) != '<' && xml.charAt(end) != '&') {
          end++;
        }
        if (open.isEmpty()) {
          XmlChars.appendNormalised(text, xml, at, end);
        } else {
          XmlChars.check(xml, at, end);
        }
        at = end;
      }
    }
  }

  /** {@code <name attr="v" ...>} or {@code <name/>}: the name, with {@link #selfClosing} set. */
  private String startTag() {
    at++;
    String name = name();
    while (true) {
      int spaces = skipSpaces();
      if (xml.startsWith("/>", at)) {
        at += 2;
        selfClosing = true;
        return name;
      }
      if (xml.startsWith(">", at)) {
        at++;
        selfClosing = false;
        return name;
      }
      if (spaces == 0) {
        throw refused("malformed start tag");
      }
      attribute();
    }
  }

  private void attribute() {
    name();
    skipSpaces();
    if (!xml.startsWith("=", at)) {
      throw refused("attribute without a value");
    }
    at++;
    skipSpaces();
    char quote = at < xml.length() ? xml.charAt(at) : 0;
    if (quote != '"' && quote != '\'') {
      throw refused("unquoted attribute");
    }
    int end = xml.indexOf(quote, at + 1);
    if (end < 0) {
      throw refused("attribute not closed");
    }
    // Only the value itself is searched: looking for '<' beyond it would read the rest of the body once per attribute.
    for (int i = at + 1; i < end; i++) {
      if (xml.charAt(i) == '<') {
        throw refused("malformed attribute");
      }
    }
    at = end + 1;
  }

  private void expectEndTag(String name) {
    at += 2;
    if (!name().equals(name)) {
      throw refused("end tag does not match");
    }
    skipSpaces();
    if (!xml.startsWith(">", at)) {
      throw refused("malformed end tag");
    }
    at++;
  }

  private String name() {
    int start = at;
    while (at < xml.length() && XmlChars.isNameChar(xml.charAt(at), at == start)) {
      at++;
    }
    if (at == start) {
      throw refused("missing name");
    }
    return xml.substring(start, at);
  }

  /** Whitespace, comments and processing instructions (the XML declaration among them) before or after the root. */
  private void skipMisc() {
    do {
      skipSpaces();
    } while (at < xml.length() && skipCommentOrInstruction());
  }

  private boolean skipCommentOrInstruction() {
    if (xml.startsWith("<!--", at)) {
      int end = xml.indexOf("-->", at + 4);
      if (end < 0) {
        throw refused("comment not closed");
      }
      at = end + 3;
      return true;
    }
    if (xml.startsWith("<?", at)) {
      int end = xml.indexOf("?>", at + 2);
      if (end < 0) {
        throw refused("processing instruction not closed");
      }
      at = end + 2;
      return true;
    }
    return false;
  }

  private int skipSpaces() {
    int start = at;
    while (at < xml.length() && (xml.charAt(at) == ' ' || xml.charAt(at) == '\t' || xml.charAt(at) == '\n'
        || xml.charAt(at) == '\r')) {
      at++;
    }
    return at - start;
  }

  /** {@code &lt;} and the other four, {@code &#NN;} and {@code &#xHH;}; any other entity is refused. */
  private int reference() {
    int semicolon = xml.indexOf(';', at);
    if (semicolon < 0 || semicolon - at > 12) {
      throw refused("malformed reference");
    }
    int codePoint = XmlChars.resolve(xml.substring(at + 1, semicolon));
    at = semicolon + 1;
    return codePoint;
  }

  static IllegalArgumentException refused(String why) {
    return new IllegalArgumentException("malformed XML: " + why);
  }
}
