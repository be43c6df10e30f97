package org.kehou.core.binding;

import java.util.Optional;

/** What happened to a {@code 绑定 <code>} attempt. */
/**
 * @param wrongCodesLeft how many more wrong codes this openid may send within the hour
 */
public record WechatBindingResult(Outcome outcome, Optional<WechatBinding> binding, int wrongCodesLeft) {

  public enum Outcome {
    BOUND,
    /** Unknown, used, revoked or expired: the parent is not told which, so codes cannot be probed. */
    WRONG_CODE,
    /** Too many wrong codes from this openid within the hour: the code was not even looked at. */
    LOCKED_OUT
  }

  static WechatBindingResult bound(WechatBinding binding) {
    return new WechatBindingResult(Outcome.BOUND, Optional.of(binding), WechatBindingService.MAX_WRONG_CODES);
  }

  static WechatBindingResult refused(Outcome outcome, int wrongCodesLeft) {
    return new WechatBindingResult(outcome, Optional.empty(), Math.max(0, wrongCodesLeft));
  }
}
