package org.kehou.bot.absence;

import me.chanjar.weixin.mp.api.WxMpMessageMatcher;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import org.kehou.core.binding.WechatBindingService;
import org.kehou.core.rollcall.AbsenceCases;
import org.springframework.stereotype.Component;

/**
 * Matches text that is no command while an absence case about one of the writer's children is open: the school is
 * waiting to hear from this family, so the text is their answer.
 */
@Component
public class OpenAbsenceCase implements WxMpMessageMatcher {

  private final WechatBindingService bindings;
  private final AbsenceCases cases;

  OpenAbsenceCase(WechatBindingService bindings, AbsenceCases cases) {
    this.bindings = bindings;
    this.cases = cases;
  }

  @Override
  public boolean match(WxMpXmlMessage message) {
    return bindings.find(message.getFromUser()).map(b -> cases.hasOpenCase(b.guardianId())).orElse(false);
  }
}
