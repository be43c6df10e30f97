package org.kehou.core.binding;

import java.util.Optional;
import org.kehou.core.staff.StaffWechatBound;

/**
 * What happened to a {@code 绑定 <code>} attempt.
 *
 * @param binding        the guardian binding, when a guardian code was redeemed
 * @param staff          the staff account, when a staff code was redeemed (a guardian binding of the openid stays)
 * @param wrongCodesLeft how many more wrong codes this openid may send within the hour
 */
public record WechatBindingResult(Outcome outcome, Optional<WechatBinding> binding, Optional<StaffWechatBound> staff,
    int wrongCodesLeft) {

  public enum Outcome {
    BOUND,
    STAFF_BOUND,
    /** Unknown, used, revoked or expired: the parent is not told which, so codes cannot be probed. */
    WRONG_CODE,
    /** Too many wrong codes from this openid within the hour: the code was not even looked at. */
    LOCKED_OUT
  }

  static WechatBindingResult bound(WechatBinding binding) {
    return new WechatBindingResult(Outcome.BOUND, Optional.of(binding), Optional.empty(),
        WechatBindingService.MAX_WRONG_CODES);
  }

  static WechatBindingResult staffBound(StaffWechatBound staff) {
    return new WechatBindingResult(Outcome.STAFF_BOUND, Optional.empty(), Optional.of(staff),
        WechatBindingService.MAX_WRONG_CODES);
  }

  static WechatBindingResult refused(Outcome outcome, int wrongCodesLeft) {
    return new WechatBindingResult(outcome, Optional.empty(), Optional.empty(), Math.max(0, wrongCodesLeft));
  }
}
