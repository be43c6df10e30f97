package org.kehou.bot.wechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;
import org.junit.jupiter.api.Test;

class MessageXmlTests {

  static WxMpXmlMessage parse(String xml) {
    return InboundXml.parse(xml.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aParentsTextMessageIsReadField() {
    WxMpXmlMessage message = parse("<xml><ToUserName><![CDATA[gh_school]]></ToUserName>"
        + "<FromUserName><![CDATA[o-parent]]></FromUserName><CreateTime>1764380000</CreateTime>"
        + "<MsgType><![CDATA[text]]></MsgType><Content><![CDATA[绑定 ABCD2345]]></Content>"
        + "<MsgId>24680</MsgId></xml>");

    assertThat(message.getToUser()).isEqualTo("gh_school");
    assertThat(message.getFromUser()).isEqualTo("o-parent");
    assertThat(message.getCreateTime()).isEqualTo(1764380000L);
    assertThat(message.getMsgType()).isEqualTo("text");
    assertThat(message.getContent()).isEqualTo("绑定 ABCD2345");
    assertThat(message.getMsgId()).isEqualTo(24680L);
  }

  @Test
  void anEventKeepsItsKeyAndSkipsNestedDetails() {
    WxMpXmlMessage message = parse("<xml><ToUserName>gh</ToUserName><FromUserName>o1</FromUserName>"
        + "<CreateTime>1</CreateTime><MsgType>event</MsgType><Event>scancode_push</Event><EventKey>menu-1</EventKey>"
        + "<ScanCodeInfo><ScanType>qrcode</ScanType><ScanResult>x</ScanResult></ScanCodeInfo></xml>");

    assertThat(message.getEvent()).isEqualTo("scancode_push");
    assertThat(message.getEventKey()).isEqualTo("menu-1");
    assertThat(message.getContent()).isNull();
  }

  @Test
  void dtdsEntitiesAndBrokenXmlAreRefused() {
    assertThatThrownBy(() -> parse("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
        + "<xml><Content>&e;</Content></xml>")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> parse("<xml><Content>unclosed</xml>")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> parse("<xml><CreateTime>soon</CreateTime></xml>"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aTextReplyThatContainsTheCdataTerminatorStillReadsBackWhole() {
    WxMpXmlOutMessage out = WxMpXmlOutMessage.TEXT().content("a]]>b <c> & 中文").fromUser("gh").toUser("o1").build();

    String xml = OutboundXml.of(out);

    assertThat(parse(xml).getContent()).isEqualTo("a]]>b <c> & 中文");
    assertThat(parse(xml).getFromUser()).isEqualTo("gh");
    assertThat(parse(xml).getMsgType()).isEqualTo("text");
  }
}
