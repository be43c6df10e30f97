package org.kehou.bot.binding;

import java.util.Map;
import me.chanjar.weixin.common.session.WxSessionManager;
import me.chanjar.weixin.mp.api.WxMpMessageHandler;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;
import org.kehou.bot.wechat.Commands;
import org.kehou.bot.wechat.Replies;
import org.kehou.core.binding.WechatBinding;
import org.kehou.core.binding.WechatBindingResult;
import org.kehou.core.binding.WechatBindingService;
import org.springframework.stereotype.Component;

/**
 * {@code 绑定 <code>}: redeems the printed code and names the guardian's children, or redeems a staff code and says
 * that staff alerts will come to this WeChat (a guardian binding of the same account stays as it was).
 */
@Component
public class BindHandler implements WxMpMessageHandler {

  private final WechatBindingService bindings;
  private final Commands commands;
  private final Replies replies;

  BindHandler(WechatBindingService bindings, Commands commands, Replies replies) {
    this.bindings = bindings;
    this.commands = commands;
    this.replies = replies;
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
      case LOCKED_OUT -> replies.text(message, "binding.locked");
      case WRONG_CODE -> replies.text(message, "binding.wrong", Map.of("left", result.wrongCodesLeft()));
      case BOUND -> bound(message, result.binding().orElseThrow());
      case STAFF_BOUND -> replies.text(message, "binding.staff.success",
          Map.of("staff", result.staff().orElseThrow().displayName()));
    };
  }

  private WxMpXmlOutMessage bound(WxMpXmlMessage message, WechatBinding binding) {
    String children = String.join(replies.message("binding.children.separator", Map.of()),
        binding.children().stream().map(replies::child).toList());
    return replies.text(message, binding.hasSeveralChildren() ? "binding.success.several" : "binding.success",
        Map.of("guardian", binding.guardianName(), "children", children, "child", replies.child(binding.current())));
  }
}
