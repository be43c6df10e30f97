package org.kehou.bot.binding;

import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;
import org.kehou.bot.wechat.Commands;
import org.kehou.bot.wechat.Replies;
import org.kehou.core.binding.WechatBinding;
import org.kehou.core.binding.WechatBindingService;
import org.springframework.stereotype.Component;

/** {@code 切换} lists the guardian's children; {@code 切换 n} makes child n the one the conversation is about. */
@Component
public class SwitchHandler extends BoundParentHandler {

  private final WechatBindingService bindings;
  private final Commands commands;

  SwitchHandler(WechatBindingService bindings, Commands commands, Replies replies) {
    super(bindings, replies);
    this.bindings = bindings;
    this.commands = commands;
  }

  @Override
  protected WxMpXmlOutMessage handle(WxMpXmlMessage message, WechatBinding binding) {
    if (!binding.hasSeveralChildren()) {
      return replies.text(message, "switch.single", Map.of("child", replies.child(binding.current())));
    }
    String argument = commands.argument("switch", message.getContent());
    if (argument.isEmpty()) {
      return replies.rendered(message, list(binding));
    }
    int number = argument.length() > 3 ? -1 : Integer.parseInt(argument);
    return bindings.switchTo(binding, number)
        .map(b -> replies.text(message, "switch.done", Map.of("child", replies.child(b.current()))))
        .orElseGet(() -> replies.text(message, "switch.bad", Map.of("n", argument, "list", list(binding))));
  }

  private String list(WechatBinding binding) {
    String lines = IntStream.range(0, binding.children().size())
        .mapToObj(i -> replies.message("switch.line",
            Map.of("n", i + 1, "child", replies.child(binding.children().get(i)))))
        .collect(Collectors.joining("\n"));
    return replies.message("switch.list", Map.of("children", lines, "child", replies.child(binding.current())));
  }
}
