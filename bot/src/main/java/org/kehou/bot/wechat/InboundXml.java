package org.kehou.bot.wechat;

import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;

/**
 * Reads WeChat's flat message XML into WxJava's message bean with one hardened StAX pass. WxJava's own
 * {@code fromXml} parses every message twice (XStream, then dom4j with a new SAX factory looked up per message) and
 * serialises threads on XStream's parser creation: at a few hundred messages a second that was most of the bot's CPU.
 * Only the top-level elements the router and handlers read are kept; nested event details are skipped.
 */
final class InboundXml {

  // XMLInputFactory creation is costly and its thread safety is not promised: one per request thread.
  private static final ThreadLocal<XMLInputFactory> FACTORY = ThreadLocal.withInitial(InboundXml::hardened);

  private InboundXml() {
  }

  /** @throws IllegalArgumentException for anything that is not one well-formed, DTD-free WeChat message */
  static WxMpXmlMessage parse(byte[] xml) {
    Map<String, String> fields = topLevelFields(xml);
    WxMpXmlMessage message = new WxMpXmlMessage();
    message.setToUser(fields.get("ToUserName"));
    message.setFromUser(fields.get("FromUserName"));
    message.setCreateTime(number(fields.get("CreateTime")));
    message.setMsgType(fields.get("MsgType"));
    message.setContent(fields.get("Content"));
    message.setMsgId(number(fields.get("MsgId")));
    message.setEvent(fields.get("Event"));
    message.setEventKey(fields.get("EventKey"));
    return message;
  }

  private static Map<String, String> topLevelFields(byte[] xml) {
    Map<String, String> fields = new HashMap<>();
    XMLStreamReader reader = null;
    try {
      reader = FACTORY.get().createXMLStreamReader(new ByteArrayInputStream(xml));
      int depth = 0;
      while (reader.hasNext()) {
        int event = reader.next();
        if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE) {
          throw new IllegalArgumentException("DTDs and entities are refused");
        }
        if (event == XMLStreamConstants.START_ELEMENT) {
          depth++;
          if (depth == 2) {
            String name = reader.getLocalName();
            // getElementText fails on nested elements: those are event details the bot does not read.
            fields.put(name, elementText(reader));
            depth--;
          }
        } else if (event == XMLStreamConstants.END_ELEMENT) {
          depth--;
        }
      }
      return fields;
    } catch (XMLStreamException e) {
      throw new IllegalArgumentException("malformed XML", e);
    } finally {
      close(reader);
    }
  }

  private static String elementText(XMLStreamReader reader) throws XMLStreamException {
    StringBuilder text = new StringBuilder();
    int nested = 0;
    while (true) {
      int event = reader.next();
      switch (event) {
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
          if (nested == 0) {
            text.append(reader.getText());
          }
        }
        case XMLStreamConstants.START_ELEMENT -> nested++;
        case XMLStreamConstants.END_ELEMENT -> {
          if (nested == 0) {
            return text.toString();
          }
          nested--;
        }
        case XMLStreamConstants.DTD, XMLStreamConstants.ENTITY_REFERENCE ->
            throw new IllegalArgumentException("DTDs and entities are refused");
        default -> {
          // comments and processing instructions carry nothing the bot reads
        }
      }
    }
  }

  private static Long number(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Long.valueOf(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a number: " + value.length() + " chars", e);
    }
  }

  private static XMLInputFactory hardened() {
    // The JDK's own factory: newFactory() would search the class path (a fat jar) for another implementation.
    XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    factory.setProperty(XMLInputFactory.IS_COALESCING, true);
    return factory;
  }

  private static void close(XMLStreamReader reader) {
    if (reader != null) {
      try {
        reader.close();
      } catch (XMLStreamException e) {
        // nothing was held open but the in-memory stream
      }
    }
  }
}
