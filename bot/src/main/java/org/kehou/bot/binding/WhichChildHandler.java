package org.kehou.bot.binding;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;
import org.kehou.bot.wechat.Replies;
import org.kehou.core.binding.WechatBinding;
import org.kehou.core.binding.WechatBindingService;
import org.springframework.stereotype.Component;

/** The number answering "which child?": takes the step asked about for that child. */
@Component
public class WhichChildHandler extends BoundParentHandler {

  private final WhichChild whichChild;
  private final Map<String, ChildStep> steps;

  WhichChildHandler(WechatBindingService bindings, Replies replies, WhichChild whichChild, List<ChildStep> steps) {
    super(bindings, replies);
    this.whichChild = whichChild;
    this.steps = steps.stream().collect(Collectors.toMap(ChildStep::id, Function.identity()));
  }

  @Override
  protected WxMpXmlOutMessage handle(WxMpXmlMessage message, WechatBinding binding) {
    Optional<WhichChild.Question> question = whichChild.open(message.getFromUser())
        .filter(q -> q.guardianId() == binding.guardianId());
    ChildStep step = question.map(q -> steps.get(q.stepId())).orElse(null);
    // Children the roster took away since the question are no longer offered.
    List<WechatBinding.Child> children = question.stream().flatMap(q -> q.studentIds().stream())
        .flatMap(id -> binding.children().stream().filter(c -> c.studentId() == id))
        .toList();
    if (step == null || children.isEmpty()) {
      // The question ran out between matching and handling, was put to another guardian this WeChat user was bound
      // as, or nothing it offered is left.
      whichChild.forget(message.getFromUser());
      return replies.text(message, "which.expired");
    }
    String typed = message.getContent().strip();
    int n = Integer.parseInt(typed);
    if (n < 1 || n > children.size()) {
      return replies.text(message, "which.bad", Map.of("n", typed, "ask", whichChild.ask(step.id(), children)));
    }
    whichChild.forget(message.getFromUser());
    return step.take(message, binding, children.get(n - 1));
  }
}
