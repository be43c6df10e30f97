package org.kehou.bot.letter;

import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;
import org.kehou.bot.binding.BoundParentHandler;
import org.kehou.bot.wechat.Replies;
import org.kehou.core.binding.WechatBinding;
import org.kehou.core.binding.WechatBindingService;
import org.kehou.core.letter.LetterService;
import org.springframework.stereotype.Component;

/** {@code 告家长书}: the term's notice letter as archived (the template keeps it within one passive reply). */
@Component
public class LetterHandler extends BoundParentHandler {

  private final LetterService letters;

  LetterHandler(WechatBindingService bindings, Replies replies, LetterService letters) {
    super(bindings, replies);
    this.letters = letters;
  }

  @Override
  protected WxMpXmlOutMessage handle(WxMpXmlMessage message, WechatBinding binding) {
    return letters.current(binding.schoolId())
        .map(letter -> replies.rendered(message, letter.text()))
        .orElseGet(() -> replies.text(message, "letter.none"));
  }
}
