package org.kehou.bot.fee;

import java.util.List;
import java.util.Map;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;
import org.kehou.bot.binding.BoundParentHandler;
import org.kehou.bot.wechat.Replies;
import org.kehou.core.binding.WechatBinding;
import org.kehou.core.binding.WechatBindingService;
import org.kehou.core.fee.FeeStatement;
import org.kehou.core.fee.FeeStatements;
import org.kehou.core.fee.FeeTexts;
import org.springframework.stereotype.Component;

/** {@code 账单}: the current child's latest statements, each as it was sent, newest first. */
@Component
public class StatementsHandler extends BoundParentHandler {

  /** Two statements fit a passive reply's 2,048 bytes with room to spare. */
  static final int SHOWN = 2;

  private final FeeStatements statements;
  private final FeeTexts texts;

  StatementsHandler(WechatBindingService bindings, Replies replies, FeeStatements statements, FeeTexts texts) {
    super(bindings, replies);
    this.statements = statements;
    this.texts = texts;
  }

  @Override
  protected WxMpXmlOutMessage handle(WxMpXmlMessage message, WechatBinding binding) {
    List<FeeStatement.WithAdjustments> latest = statements.ofStudent(binding.current().studentId(), SHOWN);
    if (latest.isEmpty()) {
      return replies.text(message, "fee.none", Map.of("child", replies.child(binding.current())));
    }
    StringBuilder reply = new StringBuilder();
    for (FeeStatement.WithAdjustments s : latest) {
      reply.append(reply.length() == 0 ? "" : "\n\n").append(texts.statement(s.statement(), s.adjustments()));
    }
    return replies.rendered(message, reply.toString());
  }
}
