package org.kehou.bot.binding;

import java.util.Map;
import me.chanjar.weixin.common.session.WxSessionManager;
import me.chanjar.weixin.mp.api.WxMpMessageHandler;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;
import org.kehou.bot.wechat.Commands;
import org.kehou.bot.wechat.Replies;
import org.kehou.core.binding.WechatBindingResult;
import org.kehou.core.binding.WechatBindingService;
import org.springframework.stereotype.Component;

/**
 * {@code 绑定 <code>}: redeems the printed code and names the guardian's children, or redeems a staff code and says
 * that staff alerts will come to this WeChat (a guardian binding of the same account stays as it was). A slip's QR
 * code scanned does the same ({@link ScanBindHandler}).
 */
@Component
public class BindHandler implements WxMpMessageHandler {

  private final WechatBindingService bindings;
  private final Commands commands;
  private final Replies replies;
  private final BindReplies bound;

  BindHandler(WechatBindingService bindings, Commands commands, Replies replies, BindReplies bound) {
    this.bindings = bindings;
    this.commands = commands;
    this.replies = replies;
    this.bound = bound;
  }

  @Override
  public WxMpXmlOutMessage handle(WxMpXmlMessage message, Map<String, Object> context, WxMpService wechat,
      WxSessionManager sessions) {
    String code = commands.argument("bind", message.getContent());
    if (code.isEmpty()) {
      return replies.text(message, "binding.usage");
    }
    WechatBindingResult result = bindings.redeem(message.getFromUser(), code);
    return switch (result.outcome()) {
      case LOCKED_OUT -> replies.rendered(message, bound.locked());
      case WRONG_CODE -> replies.text(message, "binding.wrong", Map.of("left", result.wrongCodesLeft()));
      case BOUND -> replies.rendered(message, bound.bound(result.binding().orElseThrow()));
      case STAFF_BOUND -> replies.rendered(message, bound.staffBound(result.staff().orElseThrow()));
    };
  }
}
