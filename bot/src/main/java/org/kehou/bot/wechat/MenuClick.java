package org.kehou.bot.wechat;

import me.chanjar.weixin.common.api.WxConsts;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;

/**
 * A tap on the custom menu arrives as a CLICK event whose key is a command word (see {@link MenuInstaller}); it is
 * answered exactly as if the parent had typed that word.
 */
final class MenuClick {

  private MenuClick() {
  }

  static WxMpXmlMessage asCommand(WxMpXmlMessage message) {
    if (WxConsts.XmlMsgType.EVENT.equals(message.getMsgType())
        && WxConsts.EventType.CLICK.equalsIgnoreCase(message.getEvent())
        && message.getEventKey() != null && !message.getEventKey().isBlank()) {
      message.setMsgType(WxConsts.XmlMsgType.TEXT);
      message.setContent(message.getEventKey().strip());
    }
    return message;
  }
}
