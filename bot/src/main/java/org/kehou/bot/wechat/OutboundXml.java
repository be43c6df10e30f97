package org.kehou.bot.wechat;

import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutTextMessage;

/**
 * Writes the passive text reply directly; nearly every reply is text, and XStream's reflective serialiser was a large
 * part of each message's cost. Other reply kinds still go through WxJava.
 */
final class OutboundXml {

  private OutboundXml() {
  }

  static String of(WxMpXmlOutMessage out) {
    if (!(out instanceof WxMpXmlOutTextMessage text)) {
      return out.toXml();
    }
    return "<xml><ToUserName>" + cdata(text.getToUserName()) + "</ToUserName><FromUserName>"
        + cdata(text.getFromUserName()) + "</FromUserName><CreateTime>" + text.getCreateTime()
        + "</CreateTime><MsgType><![CDATA[text]]></MsgType><Content>" + cdata(text.getContent())
        + "</Content></xml>";
  }

  /** A CDATA section cannot contain "]]>": split it across two sections. */
  static String cdata(String value) {
    String safe = value == null ? "" : value.replace("]]>", "]]]]><![CDATA[>");
    return "<![CDATA[" + safe + "]]>";
  }
}
