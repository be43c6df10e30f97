package org.kehou.bot.wechat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import org.kehou.core.text.StrictDecoding;

/**
 * Reads WeChat's flat message XML into WxJava's message bean. WxJava's own {@code fromXml} parses every message twice
 * (XStream, then dom4j with a new SAX factory per message); at a few hundred messages a second that was most of the
 * bot's CPU. Only the top-level elements the router and handlers read are kept; nested event details are skipped.
 */
final class InboundXml {

  private InboundXml() {
  }

  /** @throws IllegalArgumentException for bytes that are not UTF-8 */
  static String utf8(byte[] bytes) {
    return StrictDecoding.decode(StandardCharsets.UTF_8, ByteBuffer.wrap(bytes))
        .orElseThrow(() -> new IllegalArgumentException("not UTF-8"));
  }

  /** @throws IllegalArgumentException for anything that is not one well-formed, DTD-free WeChat message */
  static WxMpXmlMessage parse(String xml) {
    Map<String, String> fields = FlatXml.topLevelFields(xml);
    WxMpXmlMessage message = new WxMpXmlMessage();
    message.setToUser(fields.get("ToUserName"));
    message.setFromUser(fields.get("FromUserName"));
    message.setCreateTime(number(fields.get("CreateTime")));
    message.setMsgType(fields.get("MsgType"));
    message.setContent(fields.get("Content"));
    // A template-send report names the message it reports on as MsgID.
    message.setMsgId(number(fields.getOrDefault("MsgId", fields.get("MsgID"))));
    message.setStatus(fields.get("Status"));
    message.setEvent(fields.get("Event"));
    message.setEventKey(fields.get("EventKey"));
    // A voice message carries WeChat's speech recognition (when the account has it on) beside its media id.
    message.setRecognition(fields.get("Recognition"));
    return message;
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
}
