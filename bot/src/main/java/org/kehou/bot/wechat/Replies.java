package org.kehou.bot.wechat;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;
import org.kehou.core.binding.WechatBinding;
import org.kehou.core.text.Texts;
import org.springframework.stereotype.Component;

/** Builds the bot's passive text replies from the templates, and the small formats they share. */
@Component
public class Replies {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

  private final Texts texts;

  Replies(Texts texts) {
    this.texts = texts;
  }

  /** A reply with text already rendered (e.g. the archived letter). */
  public WxMpXmlOutMessage rendered(WxMpXmlMessage in, String content) {
    return WxMpXmlOutMessage.TEXT().content(content).fromUser(in.getToUser()).toUser(in.getFromUser()).build();
  }

  public WxMpXmlOutMessage text(WxMpXmlMessage in, String key, Map<String, ?> values) {
    return rendered(in, texts.message(key, values));
  }

  public WxMpXmlOutMessage text(WxMpXmlMessage in, String key) {
    return rendered(in, texts.message(key));
  }

  public String message(String key, Map<String, ?> values) {
    return texts.message(key, values);
  }

  /** How every reply names a child: name and class, so a parent of two never wonders which one is meant. */
  public String child(WechatBinding.Child child) {
    return texts.message("common.child", Map.of("child", child.name(), "class", child.className()));
  }

  public String weekdays(int mask) {
    return texts.weekdays(mask);
  }

  public String time(LocalTime time) {
    return TIME.format(time);
  }
}
