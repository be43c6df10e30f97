package org.kehou.bot.wechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MessageXmlTests {

  static WxMpXmlMessage parse(String xml) {
    return InboundXml.parse(InboundXml.utf8(xml.getBytes(StandardCharsets.UTF_8)));
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
  void escapedTextSplitCdataCommentsAndTheDeclarationReadAsXmlWould() {
    WxMpXmlMessage message = parse("\uFEFF<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- from WeChat -->\n"
        + "<xml>\n  <ToUserName>gh</ToUserName>\n  <FromUserName attr='x' other = \"y\">o1</FromUserName>\n"
        + "  <MsgType><![CDATA[te]]><![CDATA[xt]]></MsgType>\n"
        + "  <Content>a &lt;b&gt; &amp; &quot;c&quot; &apos;d&apos; &#20013;&#x6587; &#x1F600;<!-- note -->e\r\nf</Content>\n"
        + "  <Event/>\n</xml>\n<!-- trailing -->\n");

    assertThat(message.getFromUser()).isEqualTo("o1");
    assertThat(message.getMsgType()).isEqualTo("text");
    assertThat(message.getContent()).isEqualTo("a <b> & \"c\" 'd' 中文 \uD83D\uDE00e\nf");
    assertThat(message.getEvent()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "",
      "just text",
      "<xml>",
      "<xml><Content>a</Content>",
      "<xml><Content>a</content></xml>",
      "<xml><Content>a</Content></xml><xml></xml>",
      "<xml><Content>a</Content></xml>trailing",
      "<xml>loose text<Content>a</Content></xml>",
      "<xml><Content>&bogus;</Content></xml>",
      "<xml><Content>&lt</Content></xml>",
      "<xml><Content>&#;</Content></xml>",
      "<xml><Content>&#x110000;</Content></xml>",
      "<xml><Content>&#0;</Content></xml>",
      "<xml><Content>&#x+41;</Content></xml>",
      "<xml><Content>\u0001</Content></xml>",
      "<xml><Content><![CDATA[open</Content></xml>",
      "<xml><Content><b>x</c></Content></xml>",
      "<xml><Content a=b>x</Content></xml>",
      "<xml><Content a=\"<\">x</Content></xml>",
      "<xml><1Content>x</1Content></xml>",
      "<xml><!-- open </xml>",
      "<xml><![CDATA[x]]></xml>",
      "<!DOCTYPE xml><xml></xml>",
      "<xml><Content><!ENTITY e \"x\"></Content></xml>",
  })
  void anythingButWellFormedFlatXmlIsRefused(String xml) {
    assertThatThrownBy(() -> parse(xml)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void bytesThatAreNotUtf8AreRefused() {
    byte[] gbk = "<xml><Content>\u4E2D</Content></xml>".getBytes(java.nio.charset.Charset.forName("GBK"));

    assertThatThrownBy(() -> InboundXml.utf8(gbk)).isInstanceOf(IllegalArgumentException.class);
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
