package org.kehou.bot.letter;

import java.util.Map;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;
import org.kehou.bot.binding.BoundParentHandler;
import org.kehou.bot.wechat.Replies;
import org.kehou.core.binding.WechatBinding;
import org.kehou.core.binding.WechatBindingService;
import org.kehou.core.letter.LetterService;
import org.springframework.stereotype.Component;

/** {@code 已阅}: a receipt for the letter version this guardian was shown. */
@Component
public class ReadHandler extends BoundParentHandler {

  private final LetterService letters;

  ReadHandler(WechatBindingService bindings, Replies replies, LetterService letters) {
    super(bindings, replies);
    this.letters = letters;
  }

  @Override
  protected WxMpXmlOutMessage handle(WxMpXmlMessage message, WechatBinding binding) {
    if (!letters.acknowledge(binding.schoolId(), binding.guardianId(), binding.openid())) {
      return replies.text(message, "letter.none");
    }
    return replies.text(message, "letter.read.done", Map.of("child", replies.child(binding.current())));
  }
}
