package org.kehou.bot.binding;

import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;
import org.kehou.core.binding.WechatBinding;

/**
 * What a command does for one child when that child has something waiting (an agreement to sign, a seat offer to
 * answer). A parent of several children may have it waiting for more than one: {@link WhichChild} then asks which
 * child, and the number answered takes the step for that child.
 */
public interface ChildStep {

  /** Names the step in a question kept in Redis, and its question text ({@code which.<id>} in the templates). */
  String id();

  boolean pendingFor(long studentId);

  /** Takes the step for the child; says so, naming the child, when there is nothing (left) to do for it. */
  WxMpXmlOutMessage take(WxMpXmlMessage message, WechatBinding binding, WechatBinding.Child child);
}
