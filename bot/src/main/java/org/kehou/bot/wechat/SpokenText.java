package org.kehou.bot.wechat;

import java.util.regex.Pattern;
import me.chanjar.weixin.common.api.WxConsts;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;

/**
 * A voice message with WeChat's speech recognition is answered exactly as if the parent had typed the recognised text
 * (grandparents say "请假"): it becomes a text message before routing, so every command rule applies unchanged. A voice
 * message without the text stays a voice message, and its own rule asks the parent to type.
 */
final class SpokenText {

  /** Recognition ends a sentence with punctuation a typed command does not have: "请假明天。" */
  private static final Pattern TRAILING = Pattern.compile("[\\s。，、！？!?,.；;：:…]+$");

  private SpokenText() {
  }

  static WxMpXmlMessage asTyped(WxMpXmlMessage message) {
    if (WxConsts.XmlMsgType.VOICE.equals(message.getMsgType()) && message.getRecognition() != null) {
      String said = TRAILING.matcher(message.getRecognition().strip()).replaceAll("");
      if (!said.isEmpty()) {
        message.setMsgType(WxConsts.XmlMsgType.TEXT);
        message.setContent(said);
      }
    }
    return message;
  }
}
