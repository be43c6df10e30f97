package org.kehou.bot.binding;

import static me.chanjar.weixin.common.api.WxConsts.EventType.SCAN;

import java.util.Map;
import me.chanjar.weixin.common.session.WxSessionManager;
import me.chanjar.weixin.mp.api.WxMpMessageHandler;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;
import org.kehou.bot.wechat.Replies;
import org.kehou.core.binding.WechatBindingResult;
import org.kehou.core.binding.WechatBindingService;
import org.springframework.stereotype.Component;

/**
 * A binding slip's QR code scanned (its scene is the binding code): a parent not following the account gets a
 * {@code subscribe} event with EventKey {@code qrscene_<code>}, a follower a {@code SCAN} event with the code itself.
 * Either redeems the code exactly as {@code 绑定 <code>} does: same attempt limit, single use, same answer on success.
 * A code that no longer works is answered in words that fit a scan (nothing was typed to check).
 */
@Component
public class ScanBindHandler implements WxMpMessageHandler {

  /**
   * A slip's scene: a binding code (letters and digits with at least one letter, at most 16). A scene of digits only
   * is some other QR code of the account (a poster's numeric scene id): a plain follow, not a wrong code.
   */
  public static final String SLIP_SCENE = "(?=.*[A-Za-z])[A-Za-z0-9]{1,16}";
  /** The EventKey of a follow through a slip's QR code. */
  public static final String FOLLOWED_THROUGH_A_SLIP = "qrscene_" + SLIP_SCENE;
  static final String SCENE_PREFIX = "qrscene_";

  private final WechatBindingService bindings;
  private final BindReplies bound;
  private final Replies replies;

  ScanBindHandler(WechatBindingService bindings, BindReplies bound, Replies replies) {
    this.bindings = bindings;
    this.bound = bound;
    this.replies = replies;
  }

  @Override
  public WxMpXmlOutMessage handle(WxMpXmlMessage message, Map<String, Object> context, WxMpService wechat,
      WxSessionManager sessions) {
    String openid = message.getFromUser();
    String key = message.getEventKey() == null ? "" : message.getEventKey();
    boolean follows = SCAN.equalsIgnoreCase(message.getEvent());
    String code = !follows && key.startsWith(SCENE_PREFIX) ? key.substring(SCENE_PREFIX.length()) : key;
    if (!follows) {
      // Following again restores a binding paused by unfollowing, as a plain follow does, whatever the slip says.
      bindings.reactivate(openid);
    }
    String answer = answer(openid, bindings.redeem(openid, code));
    return replies.rendered(message,
        follows ? answer : replies.message("binding.scan.welcome", Map.of()) + "\n" + answer);
  }

  private String answer(String openid, WechatBindingResult result) {
    return switch (result.outcome()) {
      case BOUND -> bound.bound(result.binding().orElseThrow());
      case STAFF_BOUND -> bound.staffBound(result.staff().orElseThrow());
      case LOCKED_OUT -> bound.locked();
      case WRONG_CODE -> bindings.find(openid)
          .map(b -> replies.message("binding.scan.alreadyBound",
              Map.of("guardian", b.guardianName(), "child", replies.child(b.current()))))
          .orElseGet(() -> replies.message("binding.scan.invalid", Map.of("left", result.wrongCodesLeft())));
    };
  }
}
