package org.kehou.bot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The custom menu's buttons carry command words as keys: a tap is answered as if the parent had typed the word. */
class MenuClickTests extends WebhookTestSupport {

  private static String clickXml(String openid, String key, long createTime) {
    return "<xml><ToUserName><![CDATA[" + WechatSimulator.ACCOUNT + "]]></ToUserName><FromUserName><![CDATA["
        + openid + "]]></FromUserName><CreateTime>" + createTime + "</CreateTime><MsgType><![CDATA[event]]></MsgType>"
        + "<Event><![CDATA[CLICK]]></Event><EventKey><![CDATA[" + key + "]]></EventKey></xml>";
  }

  @Test
  void tappingTheMenuAnswersLikeTypingTheCommand() {
    WechatSimulator wechat = safe();
    String openid = WechatSimulator.openid();
    String typed = wechat.say(openid, "状态");
    String tapped = wechat.replyText(wechat.post(clickXml(openid, "状态", WechatSimulator.now())).getBody());
    assertThat(tapped).isEqualTo(typed).contains("绑定");
  }

  @Test
  void aTapWithAnUnknownKeyGetsTheCommandList() {
    WechatSimulator wechat = safe();
    String openid = WechatSimulator.openid();
    String tapped = wechat.replyText(wechat.post(clickXml(openid, "no-such-button", WechatSimulator.now())).getBody());
    assertThat(tapped).isEqualTo(wechat.say(openid, "no-such-button"));
  }
}
